package org.housingfirst.outcomes.consumption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores CloudEvents in {@code event_log} once each, and the consumer's positions in {@code consumer_offset}. The
 * caller runs both in one transaction per batch.
 */
@Component
class EventLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPE_PREFIX = "org.housingfirst.";

    private final JdbcClient jdbc;

    EventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Parsed(
            UUID eventId,
            String type,
            String partitionKey,
            String country,
            String municipalityCode,
            LocalDate occurredOn,
            Instant recordedAt,
            String data) {}

    /**
     * Stores a batch of records in one statement; returns how many were new. A record that cannot be read as a
     * platform CloudEvent is set aside in {@code rejected_record}; a database failure is not caught here, so the whole
     * batch is retried.
     */
    int storeAll(int version, Iterable<ConsumerRecord<String, byte[]>> records) {
        List<Parsed> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(parse(record.value()));
            } catch (RuntimeException unreadable) {
                jdbc.sql("""
                        INSERT INTO rejected_record (topic, partition, "offset", reason) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                        .params(
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                unreadable.getClass().getSimpleName())
                        .update();
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        String[] keys = new String[n];
        String[] countries = new String[n];
        String[] municipalities = new String[n];
        String[] dates = new String[n];
        String[] instants = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            Parsed e = events.get(i);
            ids[i] = e.eventId();
            types[i] = e.type();
            keys[i] = e.partitionKey();
            countries[i] = e.country();
            municipalities[i] = e.municipalityCode();
            dates[i] = e.occurredOn().toString();
            instants[i] = e.recordedAt().toString();
            data[i] = e.data();
        }
        // one round trip per batch; a duplicate (same event id) is dropped, also within the batch
        return jdbc.sql("""
                INSERT INTO %s (event_id, type, partition_key, country, municipality_code, occurred_on,
                    recorded_at, data)
                SELECT DISTINCT ON (id) id, type, key, country, municipality, occurred::date, recorded::timestamptz,
                       data::jsonb
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     AS e(id, type, key, country, municipality, occurred, recorded, data)
                ON CONFLICT (event_id) DO NOTHING""".formatted(events(version)))
                .params(ids, types, keys, countries, municipalities, dates, instants, data)
                .update();
    }

    private static Parsed parse(byte[] value) {
        JsonNode cloudEvent = JSON.readTree(value);
        String type = cloudEvent.get("type").asString();
        if (!type.startsWith(TYPE_PREFIX)) {
            throw new IllegalArgumentException("not a platform event type");
        }
        JsonNode data = cloudEvent.get("data");
        JsonNode municipality = data.get("municipality");
        return new Parsed(
                UUID.fromString(cloudEvent.get("id").asString()),
                type.substring(TYPE_PREFIX.length()),
                cloudEvent.get("partitionkey").asString(),
                municipality.get("country").asString(),
                municipality.get("code").asString(),
                LocalDate.parse(data.get("occurredOn").asString()),
                Instant.parse(data.get("recordedAt").asString()),
                data.toString());
    }

    /** Stores a batch and the next offsets of its partitions; the caller runs both in one transaction. */
    int storeBatch(int version, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        int stored = storeAll(version, records);
        savePositions(version, next);
        return stored;
    }

    /** The event table of a projection version; versions are integers, so the name is safe to splice. */
    static String events(int version) {
        return "event_log_v" + version;
    }

    static String positions(int version) {
        return "consumer_offset_v" + version;
    }

    void savePositions(int version, Map<TopicPartition, Long> nextOffsets) {
        nextOffsets.forEach((partition, next) -> jdbc.sql("""
                INSERT INTO %s (topic, partition, next_offset) VALUES (?, ?, ?)
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset""".formatted(positions(version)))
                .params(partition.topic(), partition.partition(), next)
                .update());
    }

    Long position(int version, TopicPartition partition) {
        return jdbc.sql("SELECT next_offset FROM " + positions(version) + " WHERE topic = ? AND partition = ?")
                .params(partition.topic(), partition.partition())
                .query(Long.class)
                .optional()
                .orElse(null);
    }
}
