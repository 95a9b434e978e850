package org.housingfirst.outcomes.consumption;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One consumer thread over all topics. A batch of records and the next offsets of their partitions commit in one
 * database transaction; on assignment the consumer seeks to the offsets stored there, never to Kafka's. A crash
 * between the two therefore cannot lose or double-count an event, and a duplicate delivery is dropped by event id.
 */
@Component
class EventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final EventLog eventLog;
    private final TransactionTemplate transactions;
    private final ConsumptionProperties properties;
    private final KafkaProperties kafka;
    private final AtomicBoolean running = new AtomicBoolean();
    private final MeterRegistry meters;
    private KafkaClientMetrics kafkaMetrics;
    private final Counter consumed;
    private final Counter stored;
    private final ProjectionVersions versions;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile int version;
    private Thread thread;

    EventConsumer(
            EventLog eventLog,
            TransactionTemplate transactions,
            ConsumptionProperties properties,
            KafkaProperties kafka,
            MeterRegistry meters,
            ProjectionVersions versions) {
        this.eventLog = eventLog;
        this.versions = versions;
        this.meters = meters;
        this.consumed = Counter.builder("outcomes.events.consumed")
                .description("Records read from the topics, duplicates included")
                .register(meters);
        this.stored = Counter.builder("outcomes.events.stored")
                .description("Events stored in the event log for the first time")
                .register(meters);
        this.transactions = transactions;
        this.properties = properties;
        this.kafka = kafka;
    }

    @Override
    public void start() {
        Map<String, Object> config = config(kafka, properties.groupId());
        consumer = new KafkaConsumer<>(config);
        // the client's own metrics, among them kafka_consumer_fetch_manager_records_lag_max
        kafkaMetrics = new KafkaClientMetrics(consumer);
        kafkaMetrics.bindTo(meters);
        version = versions.active();
        running.set(true);
        thread = new Thread(this::run, "outcomes-event-consumer");
        thread.start();
    }

    /** Consumer settings for reading the topics: no auto commit, committed transactions only, bytes. */
    static Map<String, Object> config(KafkaProperties kafka, String groupId) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Producers may add partitions to a topic; see them within half a minute, not the default five.
        config.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 30_000);
        // one database round trip per batch: larger batches, fewer commits
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private void run() {
        try {
            consumer.subscribe(properties.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    seekToStored(partitions);
                }
            });
            while (running.get()) {
                int active = versions.active();
                if (active != version) {
                    log.info("Projection version {} is now active; continuing from its stored positions", active);
                    version = active;
                    seekToStored(consumer.assignment());
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    storeOrRewind(records);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("The event consumer stopped", e);
        } finally {
            consumer.close();
        }
    }

    /** A batch that cannot be stored (the database is away) is read again from the stored positions, after a pause. */
    private void storeOrRewind(ConsumerRecords<String, byte[]> records) {
        try {
            store(records);
        } catch (RuntimeException e) {
            log.warn("Could not store a batch of {} events; retrying from the stored positions", records.count(), e);
            pause();
            seekToStored(records.partitions());
        }
    }

    /** Positions come from the active version's table, never from Kafka's committed offsets. */
    private void seekToStored(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Long next = eventLog.position(version, partition);
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, next);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void store(ConsumerRecords<String, byte[]> records) {
        transactions.executeWithoutResult(tx -> {
            int stored = eventLog.storeBatch(version, records);
            consumed.increment(records.count());
            this.stored.increment(stored);
        });
    }

    @Override
    public void stop() {
        running.set(false);
        if (kafkaMetrics != null) {
            kafkaMetrics.close();
        }
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
