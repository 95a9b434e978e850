package org.housingfirst.edge.participant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.edge.access.AccessLog;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * This service's part of a subject access export (GDPR Article 15): everything it holds about a participant in one
 * municipality, the controller's: the events of their history there (as stored, without the metadata that names the
 * staff who recorded them), the rows of every {@link SubjectData}, and the access log's entries about them.
 */
public class SubjectAccess {

    /** The most access-log entries one export carries. */
    static final int ACCESS_LOG_LIMIT = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final List<SubjectData> stores;
    private final AccessLog accessLog;
    private final String service;
    private final Clock clock;

    SubjectAccess(JdbcClient jdbc, List<SubjectData> stores, AccessLog accessLog, String service, Clock clock) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.accessLog = accessLog;
        this.service = service;
        this.clock = clock;
    }

    public ObjectNode export(ParticipantId participant, ReportingUnit unit) {
        ObjectNode part = JSON.createObjectNode();
        part.put("service", service);
        part.put("participantId", participant.value());
        part.put("country", unit.municipality().country());
        part.put("municipality", unit.municipality().code());
        ArrayNode events = part.putArray("events");
        if (hasEventStore()) {
            String aggregate =
                    unit.municipality().country() + "-" + unit.municipality().code() + ":" + participant.value();
            jdbc.sql("""
                    SELECT payloadtype, timestamp, payload FROM domainevententry
                    WHERE aggregateidentifier = ? ORDER BY globalindex""").param(aggregate).query(rs -> {
                ObjectNode event = events.addObject();
                String type = rs.getString("payloadtype");
                event.put("type", type.substring(type.lastIndexOf('.') + 1));
                event.put("recordedAt", rs.getString("timestamp"));
                event.set("data", json(rs.getBytes("payload")));
            });
        }
        ObjectNode records = part.putObject("records");
        for (SubjectData store : stores) {
            store.export(participant, unit.municipality()).forEach((table, rows) -> {
                ArrayNode array = records.putArray(table);
                rows.forEach(row -> array.add(row(row)));
            });
        }
        part.set(
                "accessLog",
                JSON.valueToTree(accessLog.entries(
                        unit, participant, Instant.EPOCH, clock.instant().plusSeconds(1), ACCESS_LOG_LIMIT)));
        return part;
    }

    private boolean hasEventStore() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT to_regclass('domainevententry') IS NOT NULL")
                .query(Boolean.class)
                .single());
    }

    /** A stored row as JSON: instants and dates in ISO form, JSON columns as JSON. */
    private static ObjectNode row(Map<String, Object> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        row.forEach((column, value) -> values.put(column, plain(value)));
        ObjectNode node = JSON.valueToTree(values);
        row.forEach((column, value) -> {
            if (value != null && value.getClass().getName().equals("org.postgresql.util.PGobject")) {
                node.set(column, json(value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        });
        return node;
    }

    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant().toString();
            case java.sql.Date d -> d.toLocalDate().toString();
            case Number n -> n;
            case Boolean b -> b;
            default -> value.toString();
        };
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (JacksonException notJson) {
            return JSON.getNodeFactory().textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
