package org.housingfirst.outcomes.consumption;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.Contracts;
import org.housingfirst.contracts.support.SupportEvents;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.domain.BusinessDates;
import org.housingfirst.outcomes.projection.EventLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a record of a topic into its contract record, once, at the edge of the consumer: the CloudEvent {@code type}
 * names the contract, the data is validated against the contract's JSON Schema and bound to its record, and its
 * business date must be plausible. Whatever fails is set aside with a reason that names the rule and the place, never
 * a value of the record (a record may hold anything, an identity number included).
 */
@Component
class ContractRecords {

    private static final String TYPE_PREFIX = "org.housingfirst.";
    /** A type of this shape can be kept with a set-aside record: letters only, so no identity number fits in it. */
    private static final Pattern TYPE_SHAPE = Pattern.compile("org\\.housingfirst\\.[a-z]+\\.[A-Za-z]+\\.v[0-9]{1,3}");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a record turned out to be: a contract event, or a record set aside. */
    sealed interface Read permits Accepted, Rejected {
        ConsumerRecord<String, byte[]> record();
    }

    record Accepted(ConsumerRecord<String, byte[]> record, EventLog.Entry entry) implements Read {}

    record Rejected(ConsumerRecord<String, byte[]> record, SetAside setAside) implements Read {}

    private record Contract(Class<? extends ContractEvent> type, Schema schema) {}

    private final Map<String, Contract> contracts = new HashMap<>();
    private final BusinessDates dates;
    private final ZoneId zone;

    ContractRecords(BusinessDates dates) {
        this.dates = dates;
        this.zone = dates.clock().getZone();
        SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Stream.concat(TenancyEvents.TYPES.stream(), SupportEvents.TYPES.stream())
                .forEach(type -> contracts.put(
                        Contracts.cloudEventType(type),
                        new Contract(type, schemas.getSchema(resource(Contracts.schemaResource(type))))));
    }

    private static JsonNode resource(String name) {
        try (InputStream in = ContractEvent.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("contract schema missing: " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Read read(ConsumerRecord<String, byte[]> record) {
        JsonNode cloudEvent;
        try {
            cloudEvent = JSON.readTree(record.value());
        } catch (RuntimeException e) {
            return rejected(record, SetAside.Kind.UNREADABLE, "not JSON", null, null);
        }
        if (cloudEvent == null || !cloudEvent.isObject()) {
            return rejected(record, SetAside.Kind.UNREADABLE, "not a JSON object", null, null);
        }
        UUID id = uuid(cloudEvent.path("id"));
        String type =
                cloudEvent.path("type").isString() ? cloudEvent.get("type").asString() : null;
        JsonNode data = cloudEvent.path("data");
        if (id == null || type == null || !type.startsWith(TYPE_PREFIX) || !data.isObject()) {
            return rejected(
                    record,
                    SetAside.Kind.UNREADABLE,
                    "not a platform CloudEvent (id, type org.housingfirst.*, data object)",
                    id,
                    safe(type));
        }
        Contract contract = contracts.get(type);
        if (contract == null) {
            return rejected(
                    record, SetAside.Kind.UNKNOWN_TYPE, "no contract of this type and revision", id, safe(type));
        }
        List<Error> errors = contract.schema().validate(data);
        if (!errors.isEmpty()) {
            return rejected(record, SetAside.Kind.INVALID, "schema: " + describe(errors), id, type);
        }
        String published = data.toString();
        ContractEvent event;
        try {
            event = JSON.treeToValue(data, contract.type());
            if (event.recordedAt().getNano() % 1000 != 0) {
                // PostgreSQL keeps microseconds: the instant every comparison uses must be the one stored
                ObjectNode normalised = ((ObjectNode) data).deepCopy();
                normalised.put(
                        "recordedAt",
                        event.recordedAt().truncatedTo(ChronoUnit.MICROS).toString());
                event = JSON.treeToValue(normalised, contract.type());
            }
        } catch (RuntimeException e) {
            return rejected(
                    record,
                    SetAside.Kind.INVALID,
                    "does not bind to its record: " + e.getClass().getSimpleName(),
                    id,
                    type);
        }
        if (!event.eventId().equals(id)) {
            return rejected(record, SetAside.Kind.INVALID, "CloudEvent id differs from eventId", id, type);
        }
        LocalDate recordedOn = LocalDate.ofInstant(event.recordedAt(), zone);
        // a day's slack: the producer's calendar day may run ahead of ours
        if (!dates.plausibleOn(event.occurredOn(), recordedOn.plusDays(1))) {
            String reason = event.occurredOn().isBefore(dates.earliest())
                    ? "occurredOn is before " + dates.earliest()
                    : "occurredOn is after the day it was recorded";
            return rejected(record, SetAside.Kind.IMPLAUSIBLE, reason, id, type);
        }
        return new Accepted(record, new EventLog.Entry(event, type.substring(TYPE_PREFIX.length()), published));
    }

    /** The failed rules and where, from the schema's side: names the schema chose, never the record's content. */
    private static String describe(List<Error> errors) {
        return errors.stream().limit(3).map(ContractRecords::describe).collect(Collectors.joining("; "))
                + (errors.size() > 3 ? "; " + (errors.size() - 3) + " more" : "");
    }

    /** E.g. {@code occurredOn: pattern}, {@code municipality.code: pattern}, {@code contractType: required}. */
    private static String describe(Error error) {
        String keyword = error.getKeyword();
        String path = error.getEvaluationPath().toString();
        if (path.endsWith("/" + keyword)) {
            path = path.substring(0, path.length() - keyword.length() - 1);
        }
        String field = path.replace("/properties/", ".")
                .replace("/additionalProperties", "[*]")
                .replace("/propertyNames", "[name]")
                .replaceFirst("^\\.", "");
        if ("required".equals(keyword) && error.getProperty() != null) {
            field = (field.isEmpty() ? "" : field + ".") + error.getProperty();
        }
        return (field.isEmpty() ? "event" : field) + ": " + keyword;
    }

    private static String safe(String type) {
        return type != null && TYPE_SHAPE.matcher(type).matches() ? type : null;
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            return UUID.fromString(node.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Rejected rejected(
            ConsumerRecord<String, byte[]> record, SetAside.Kind kind, String reason, UUID id, String type) {
        return new Rejected(record, SetAside.of(record, kind, reason, id, type));
    }
}
