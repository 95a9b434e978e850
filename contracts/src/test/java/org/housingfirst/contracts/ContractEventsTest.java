package org.housingfirst.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.housingfirst.contracts.support.FidelityAssessed;
import org.housingfirst.contracts.support.QualityOfLifeAssessed;
import org.housingfirst.contracts.support.SupportEvents;
import org.housingfirst.contracts.tenancy.TenancyCorrected;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every producer's contract events against their schemas and golden samples. */
class ContractEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Class<? extends ContractEvent>> events() {
        return Stream.concat(TenancyEvents.TYPES.stream(), SupportEvents.TYPES.stream());
    }

    static Stream<Class<? extends ContractEvent>> participantEvents() {
        return events().filter(ParticipantEvent.class::isAssignableFrom);
    }

    @ParameterizedTest
    @MethodSource("events")
    void goldenSampleMatchesItsSchema(Class<? extends ContractEvent> type) {
        assertThat(schema(type).validate(read(Contracts.sampleResource(type)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void goldenSampleRoundTripsThroughTheRecord(Class<? extends ContractEvent> type) {
        JsonNode sample = read(Contracts.sampleResource(type));
        ContractEvent event = JSON.treeToValue(sample, type);
        JsonNode written = JSON.valueToTree(event);
        assertThat(written).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("events")
    void schemaRequiresExactlyTheRecordComponents(Class<? extends ContractEvent> type) {
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
    @MethodSource("participantEvents")
    void schemaRejectsAClearIdentityNumberAsParticipant(Class<? extends ContractEvent> type) {
        ObjectNode sample = (ObjectNode) read(Contracts.sampleResource(type));
        sample.put("participantId", "198112189876");
        assertThat(schema(type).validate(sample)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void schemaRejectsAnUnknownField(Class<? extends ContractEvent> type) {
        ObjectNode sample = (ObjectNode) read(Contracts.sampleResource(type));
        sample.put("note", "free text is not part of the contract");
        assertThat(schema(type).validate(sample)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventCarriesARevisionAndATypeNamingItsProducer(Class<? extends ContractEvent> type) {
        String producer = TenancyEvents.TYPES.contains(type) ? "tenancy" : "support";
        assertThat(ContractEvent.revisionOf(type)).isEqualTo("1");
        assertThat(Contracts.cloudEventType(type))
                .isEqualTo("org.housingfirst." + producer + "." + type.getSimpleName() + ".v1");
        assertThat(Contracts.schemaId(type))
                .isEqualTo("urn:housingfirst:contracts:" + producer + ":" + type.getSimpleName() + ":1");
    }

    @Test
    void fidelityItemScoresStayOnTheOneToFourScale() {
        ObjectNode sample = (ObjectNode) read(Contracts.sampleResource(FidelityAssessed.class));
        ((ObjectNode) sample.get("itemScores")).put("HP1", 5);
        assertThat(schema(FidelityAssessed.class).validate(sample)).isNotEmpty();
    }

    @Test
    void aTenancyCorrectionStatesTheEndWhollyOrNotAtAll() {
        ObjectNode ended = (ObjectNode) read(Contracts.sampleResource(TenancyCorrected.class));
        ObjectNode active = ended.deepCopy();
        for (String field : List.of("endDate", "endReason", "destinationCategory", "initiatedBy")) {
            active.putNull(field);
        }
        assertThat(schema(TenancyCorrected.class).validate(active)).isEmpty();
        ObjectNode withoutReason = ended.deepCopy().putNull("endReason");
        assertThat(schema(TenancyCorrected.class).validate(withoutReason)).isNotEmpty();
        ObjectNode reasonWithoutDate = active.deepCopy().put("endReason", "DECEASED");
        assertThat(schema(TenancyCorrected.class).validate(reasonWithoutDate)).isNotEmpty();
    }

    @Test
    void healthProfileIsFiveLevelsFromOneToFive() {
        ObjectNode sample = (ObjectNode) read(Contracts.sampleResource(QualityOfLifeAssessed.class));
        sample.put("healthProfile", "12345");
        assertThat(schema(QualityOfLifeAssessed.class).validate(sample)).isEmpty();
        sample.put("healthProfile", "12346");
        assertThat(schema(QualityOfLifeAssessed.class).validate(sample)).isNotEmpty();
    }

    private static Schema schema(Class<? extends ContractEvent> type) {
        return SCHEMAS.getSchema(read(Contracts.schemaResource(type)));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ContractEventsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
