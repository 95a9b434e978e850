package org.housingfirst.outcomes.consumption;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the event-log projection from the topics' beginning into a new version beside the active one, which keeps
 * serving every query. When the new version has caught up with the end of every partition it becomes active in one
 * transaction, and the running consumers continue from its positions. Progress: {@code outcomes_rebuild_*} metrics and
 * {@link #status()}.
 */
@Component
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    /** Where a rebuild stands. */
    public record Status(
            int activeVersion,
            Integer buildingVersion,
            long eventsStored,
            long lagEvents,
            Instant startedAt,
            Instant finishedAt,
            Double eventsPerSecond) {}

    private final EventLog eventLog;
    private final ProjectionVersions versions;
    private final TransactionTemplate transactions;
    private final ConsumptionProperties properties;
    private final KafkaProperties kafka;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private final AtomicReference<Integer> building = new AtomicReference<>();
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile boolean stopping;
    private Thread thread;

    Rebuild(
            EventLog eventLog,
            ProjectionVersions versions,
            TransactionTemplate transactions,
            ConsumptionProperties properties,
            KafkaProperties kafka,
            MeterRegistry meters) {
        this.eventLog = eventLog;
        this.versions = versions;
        this.transactions = transactions;
        this.properties = properties;
        this.kafka = kafka;
        Gauge.builder("outcomes.rebuild.events.stored", stored, AtomicLong::get)
                .description("Events stored by the running or last rebuild")
                .register(meters);
        Gauge.builder("outcomes.rebuild.lag.events", lag, AtomicLong::get)
                .description("Events the running rebuild still has to read")
                .register(meters);
        Gauge.builder("outcomes.rebuild.running", building, b -> b.get() == null ? 0 : 1)
                .description("1 while a rebuild runs")
                .register(meters);
    }

    /** Starts a rebuild; false when one is already running. */
    public synchronized boolean start() {
        if (building.get() != null) {
            return false;
        }
        int version = versions.createNext();
        building.set(version);
        stored.set(0);
        lag.set(0);
        startedAt = Instant.now();
        finishedAt = null;
        stopping = false;
        thread = new Thread(() -> run(version), "outcomes-rebuild-v" + version);
        thread.start();
        return true;
    }

    public Status status() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        Double rate = startedAt == null
                ? null
                : stored.get()
                        / Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        return new Status(versions.active(), building.get(), stored.get(), lag.get(), startedAt, finishedAt, rate);
    }

    private void run(int version) {
        Map<String, Object> config = EventConsumer.config(kafka, properties.groupId() + "-rebuild-v" + version);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : properties.topics()) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stopping) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    transactions.executeWithoutResult(tx -> stored.addAndGet(eventLog.storeBatch(version, records)));
                }
                long remaining = 0;
                for (var end : consumer.endOffsets(partitions).entrySet()) {
                    remaining += Math.max(0, end.getValue() - consumer.position(end.getKey()));
                }
                lag.set(remaining);
                if (remaining == 0) {
                    versions.activate(version);
                    log.info("Projection version {} rebuilt with {} events and now active", version, stored.get());
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.error("Rebuild of projection version {} failed; the active version keeps serving", version, e);
        } finally {
            finishedAt = Instant.now();
            building.set(null);
        }
    }

    /** Stops a running rebuild without switching; its version stays BUILDING until the next rebuild abandons it. */
    public void stop() {
        stopping = true;
        Thread running = thread;
        if (running != null) {
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
