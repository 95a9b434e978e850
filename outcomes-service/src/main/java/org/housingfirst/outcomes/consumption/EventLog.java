package org.housingfirst.outcomes.consumption;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
     * Stores one record; returns false for a duplicate. A record that cannot be read as a platform CloudEvent is set
     * aside in {@code rejected_record}; a database failure is not caught here, so the whole batch is retried.
     */
    boolean store(ConsumerRecord<String, byte[]> record) {
        Parsed event;
        try {
            event = parse(record.value());
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
            return false;
        }
        return jdbc.sql("""
                        INSERT INTO event_log (event_id, type, partition_key, country, municipality_code, occurred_on,
                            recorded_at, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING""")
                        .params(
                                event.eventId(),
                                event.type(),
                                event.partitionKey(),
                                event.country(),
                                event.municipalityCode(),
                                event.occurredOn(),
                                Timestamp.from(event.recordedAt()),
                                event.data())
                        .update()
                == 1;
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

    void savePositions(Map<TopicPartition, Long> nextOffsets) {
        nextOffsets.forEach((partition, next) -> jdbc.sql("""
                INSERT INTO consumer_offset (topic, partition, next_offset) VALUES (?, ?, ?)
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset""")
                .params(partition.topic(), partition.partition(), next)
                .update());
    }

    Long position(TopicPartition partition) {
        return jdbc.sql("SELECT next_offset FROM consumer_offset WHERE topic = ? AND partition = ?")
                .params(partition.topic(), partition.partition())
                .query(Long.class)
                .optional()
                .orElse(null);
    }
}
