package org.housingfirst.contracts.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.Contracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class TenancyEventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Class<? extends TenancyEvent>> events() {
        return TenancyEvents.TYPES.stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void goldenSampleMatchesItsSchema(Class<? extends TenancyEvent> type) {
        assertThat(schema(type).validate(read(Contracts.sampleResource(type)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void goldenSampleRoundTripsThroughTheRecord(Class<? extends TenancyEvent> type) {
        JsonNode sample = read(Contracts.sampleResource(type));
        TenancyEvent event = JSON.treeToValue(sample, type);
        JsonNode written = JSON.valueToTree(event);
        assertThat(written).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("events")
    void schemaRequiresExactlyTheRecordComponents(Class<? extends TenancyEvent> type) {
        JsonNode schema = read(Contracts.schemaResource(type));
        Set<String> components = new HashSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> components.add(c.getName()));
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asString()));
        assertThat(required).isEqualTo(components);
        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(components);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("$id").asString()).isEqualTo(Contracts.schemaId(type));
    }

    @ParameterizedTest
    @MethodSource("events")
    void schemaRejectsAClearIdentityNumberAsParticipant(Class<? extends TenancyEvent> type) {
        ObjectNode sample = (ObjectNode) read(Contracts.sampleResource(type));
        sample.put("participantId", "198112189876");
        assertThat(schema(type).validate(sample)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void schemaRejectsAnUnknownField(Class<? extends TenancyEvent> type) {
        ObjectNode sample = (ObjectNode) read(Contracts.sampleResource(type));
        sample.put("note", "free text is not part of the contract");
        assertThat(schema(type).validate(sample)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventCarriesARevision(Class<? extends TenancyEvent> type) {
        assertThat(ContractEvent.revisionOf(type)).isEqualTo("1");
        assertThat(Contracts.cloudEventType(type))
                .isEqualTo("org.housingfirst.tenancy." + type.getSimpleName() + ".v1");
    }

    private static Schema schema(Class<? extends TenancyEvent> type) {
        return SCHEMAS.getSchema(read(Contracts.schemaResource(type)));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = TenancyEventContractTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
