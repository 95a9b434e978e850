package org.housingfirst.outcomes.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.housingfirst.testbackends.TestBackends;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two baselines of the benchmark, on the same topics: a consumer that only reads every record, and one that stores
 * each batch as outcomes-service did before it had projections (each record parsed, one {@code unnest} INSERT into an
 * event log with that table's indexes, the batch's offsets, one transaction per batch).
 */
final class Baselines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How many records in how long, from the first non-empty poll to the last record. */
    record Run(long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    private Baselines() {}

    static Run readOnly(String bootstrap, List<String> topics, long expected) {
        return consume(bootstrap, topics, expected, records -> {});
    }

    static Run eventLogOnly(String bootstrap, List<String> topics, long expected) throws SQLException {
        String url = TestBackends.freshDatabase("baseline");
        try (Connection db = DriverManager.getConnection(url, TestBackends.user(), TestBackends.password())) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("""
                        CREATE TABLE event_log (
                            event_id UUID PRIMARY KEY, type VARCHAR(120) NOT NULL, partition_key VARCHAR(100) NOT NULL,
                            country CHAR(2) NOT NULL, municipality_code CHAR(4) NOT NULL, occurred_on DATE NOT NULL,
                            recorded_at TIMESTAMPTZ NOT NULL, data JSONB NOT NULL, seq BIGSERIAL);
                        CREATE INDEX ON event_log (country, municipality_code, type, recorded_at);
                        CREATE UNIQUE INDEX ON event_log (seq);
                        CREATE INDEX ON event_log (country, municipality_code, seq);
                        CREATE TABLE consumer_offset (
                            topic VARCHAR(200), partition INTEGER, next_offset BIGINT, PRIMARY KEY (topic, partition))""");
            }
            db.setAutoCommit(false);
            return consume(bootstrap, topics, expected, records -> store(db, records));
        }
    }

    private static void store(Connection db, ConsumerRecords<String, byte[]> records) {
        int n = records.count();
        Object[][] columns = new Object[8][n];
        Map<TopicPartition, Long> next = new HashMap<>();
        int i = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode cloudEvent = JSON.readTree(record.value());
            JsonNode data = cloudEvent.get("data");
            columns[0][i] = UUID.fromString(cloudEvent.get("id").asString());
            columns[1][i] = cloudEvent.get("type").asString().substring("org.housingfirst.".length());
            columns[2][i] = cloudEvent.get("partitionkey").asString();
            columns[3][i] = data.get("municipality").get("country").asString();
            columns[4][i] = data.get("municipality").get("code").asString();
            columns[5][i] = data.get("occurredOn").asString();
            columns[6][i] = data.get("recordedAt").asString();
            columns[7][i] = data.toString();
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
            i++;
        }
        try (PreparedStatement insert = db.prepareStatement("""
                        INSERT INTO event_log (event_id, type, partition_key, country, municipality_code, occurred_on,
                            recorded_at, data)
                        SELECT DISTINCT ON (id) id, type, key, country, municipality, occurred::date,
                               recorded::timestamptz, data::jsonb
                        FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[]) AS e(id, type, key, country, municipality, occurred, recorded, data)
                        ON CONFLICT (event_id) DO NOTHING""");
                PreparedStatement offsets = db.prepareStatement("""
                        INSERT INTO consumer_offset (topic, partition, next_offset) VALUES (?, ?, ?)
                        ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset""")) {
            for (int c = 0; c < 8; c++) {
                Array array = db.createArrayOf(c == 0 ? "uuid" : "text", columns[c]);
                insert.setArray(c + 1, array);
            }
            insert.executeUpdate();
            for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                offsets.setString(1, e.getKey().topic());
                offsets.setInt(2, e.getKey().partition());
                offsets.setLong(3, e.getValue());
                offsets.addBatch();
            }
            offsets.executeBatch();
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface BatchHandler {
        void handle(ConsumerRecords<String, byte[]> records);
    }

    private static Run consume(String bootstrap, List<String> topics, long expected, BatchHandler handler) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long first = 0;
            while (read < expected) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                if (first == 0) {
                    first = System.nanoTime();
                }
                handler.handle(records);
                read += records.count();
            }
            return new Run(read, (System.nanoTime() - first) / 1e9);
        }
    }
}
