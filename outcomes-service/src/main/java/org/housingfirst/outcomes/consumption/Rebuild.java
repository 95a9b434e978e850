package org.housingfirst.outcomes.consumption;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.housingfirst.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Rebuilds every projection from the topics' beginning into a new version beside the active one, which keeps serving
 * every query. A listener container reads each partition from offset 0 and stores batches through {@link BatchStore},
 * the running consumer's own path; when the new version has reached the end of every partition it becomes active in
 * one transaction, and the running consumers continue from its positions. A rebuild refuses to start when a topic no
 * longer begins at offset 0: it would count a fraction of the history and call it complete. Progress:
 * {@code outcomes_rebuild_*} metrics and {@link #status()}.
 */
@Component
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);

    /** Where a rebuild stands. */
    public record Status(
            int activeVersion,
            Integer buildingVersion,
            long eventsStored,
            long lagEvents,
            Instant startedAt,
            Instant finishedAt,
            Double eventsPerSecond) {}

    private final BatchStore store;
    private final ProjectionVersions versions;
    private final Positions positions;
    private final TopicOffsets offsets;
    private final TableUpkeep upkeep;
    private final ConsumptionProperties properties;
    private final KafkaProperties kafka;
    private final Counter refused;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private final AtomicReference<Integer> building = new AtomicReference<>();
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile boolean stopping;
    private Thread thread;

    Rebuild(
            BatchStore store,
            ProjectionVersions versions,
            Positions positions,
            TopicOffsets offsets,
            TableUpkeep upkeep,
            ConsumptionProperties properties,
            KafkaProperties kafka,
            MeterRegistry meters) {
        this.store = store;
        this.upkeep = upkeep;
        this.versions = versions;
        this.positions = positions;
        this.offsets = offsets;
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
        this.refused = Counter.builder("outcomes.rebuild.refused")
                .description("Rebuilds refused because a topic no longer begins at offset 0")
                .tag("reason", "incomplete-history")
                .register(meters);
    }

    /** Starts a rebuild; refuses (409) while one runs or when a topic no longer holds its whole history. */
    public synchronized Status start() {
        if (building.get() != null) {
            throw RuleViolation.conflict("rebuild", "a rebuild is already running");
        }
        List<TopicPartition> partitions = offsets.partitions();
        Map<TopicPartition, Long> truncated = offsets.earliest(partitions).entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!truncated.isEmpty()) {
            refused.increment();
            String where = truncated.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TopicPartition::toString)))
                    .map(e -> e.getKey() + " begins at offset " + e.getValue())
                    .collect(Collectors.joining(", "));
            log.error("Rebuild refused: {}", where);
            throw RuleViolation.conflict(
                    "rebuild",
                    "the topics no longer hold their whole history (" + where
                            + "); a rebuild would count only part of it. Restore the topics' retention and history"
                            + " first; the active version keeps serving");
        }
        int version = versions.createNext();
        building.set(version);
        stored.set(0);
        lag.set(0);
        startedAt = Instant.now();
        finishedAt = null;
        stopping = false;
        thread = new Thread(() -> run(version, partitions), "outcomes-rebuild-v" + version);
        thread.start();
        return status();
    }

    public Status status() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        Double rate = startedAt == null
                ? null
                : stored.get()
                        / Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        return new Status(versions.active(), building.get(), stored.get(), lag.get(), startedAt, finishedAt, rate);
    }

    private void run(int version, List<TopicPartition> partitions) {
        ConcurrentMessageListenerContainer<String, byte[]> container = container(version, partitions);
        try {
            container.start();
            while (!stopping) {
                long remaining = remaining(version, partitions);
                lag.set(remaining);
                if (remaining == 0) {
                    container.stop();
                    // events that arrive meanwhile go to the active version; after the switch the consumers read
                    // them again from the new version's positions
                    Instant loaded = Instant.now();
                    versions.index(version);
                    Instant indexed = Instant.now();
                    versions.activate(version);
                    upkeep.activated(version);
                    log.info(
                            "Projection version {} rebuilt with {} events and now active: loaded in {}, indexed in {},"
                                    + " activated in {}",
                            version,
                            stored.get(),
                            Duration.between(startedAt, loaded),
                            Duration.between(loaded, indexed),
                            Duration.between(indexed, Instant.now()));
                    return;
                }
                if (!container.isRunning()) {
                    throw new IllegalStateException("the rebuild's consumer stopped");
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Rebuild of projection version {} failed; the active version keeps serving", version, e);
        } finally {
            if (container.isRunning()) {
                container.stop();
            }
            finishedAt = Instant.now();
            building.set(null);
        }
    }

    private long remaining(int version, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = offsets.latest(partitions);
        Map<TopicPartition, Long> done = positions.all(version);
        long remaining = 0;
        for (TopicPartition partition : partitions) {
            remaining += Math.max(0, ends.getOrDefault(partition, 0L) - done.getOrDefault(partition, 0L));
        }
        return remaining;
    }

    private ConcurrentMessageListenerContainer<String, byte[]> container(int version, List<TopicPartition> partitions) {
        ContainerProperties container = new ContainerProperties(partitions.stream()
                .map(p -> new TopicPartitionOffset(p.topic(), p.partition(), 0L))
                .toArray(TopicPartitionOffset[]::new));
        container.setMessageListener(
                (BatchMessageListener<String, byte[]>) (List<ConsumerRecord<String, byte[]>> records) -> {
                    int newEvents = store.store(version, records).newEvents();
                    stored.addAndGet(newEvents);
                    upkeep.stored(version, newEvents);
                });
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setPollTimeout(200);
        container.setGroupId(properties.groupId() + "-rebuild-v" + version);
        ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(
                        ConsumerConfiguration.config(kafka, properties.groupId() + "-rebuild-v" + version),
                        new org.apache.kafka.common.serialization.StringDeserializer(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer()),
                container);
        listener.setCommonErrorHandler(
                new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        listener.setBeanName("outcomes-rebuild-v" + version);
        listener.setConcurrency(Math.min(properties.concurrency(), partitions.size()));
        return listener;
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
