package org.housingfirst.outcomes.consumption;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The consumer's next offset per partition of each projection version ({@code consumer_offset}), written in the
 * transaction of the events it covers, so a crash can neither lose nor double-count an event. Kafka's committed
 * offsets are never used to position a consumer.
 */
@Component
class Positions {

    private final JdbcClient jdbc;

    Positions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next offsets after a batch: per partition, one past its last record. */
    static Map<TopicPartition, Long> after(Collection<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        return next;
    }

    /** Saves positions in the current transaction, whose search path names the version's schema. */
    void save(Map<TopicPartition, Long> next) {
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        next.forEach((tp, offset) -> {
            topics.add(tp.topic());
            partitions.add(tp.partition());
            offsets.add(offset);
        });
        jdbc.sql("""
                        INSERT INTO consumer_offset (topic, partition, next_offset)
                        SELECT * FROM unnest(?::text[], ?::int[], ?::bigint[])
                        ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset""")
                .params(topics.toArray(String[]::new), partitions.toArray(Integer[]::new), offsets.toArray(Long[]::new))
                .update();
    }

    /** The stored next offset of a partition in a version, or null when nothing of it was stored. */
    Long of(int version, TopicPartition partition) {
        return jdbc.sql("SELECT next_offset FROM " + ProjectionVersions.schema(version)
                        + ".consumer_offset WHERE topic = ? AND partition = ?")
                .params(partition.topic(), partition.partition())
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** Every stored position of a version. */
    Map<TopicPartition, Long> all(int version) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        jdbc.sql("SELECT topic, partition, next_offset FROM " + ProjectionVersions.schema(version) + ".consumer_offset")
                .query(row -> {
                    positions.put(
                            new TopicPartition(row.getString("topic"), row.getInt("partition")),
                            row.getLong("next_offset"));
                });
        return positions;
    }
}
