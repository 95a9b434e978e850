package org.housingfirst.outcomes.consumption;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * The running consumer's listener: each batch goes into the active projection version through {@link BatchStore}. On
 * assignment, and when a rebuilt version has become active, it seeks to the positions stored with that version,
 * never to Kafka's committed offsets, so a crash can neither lose nor double-count an event.
 */
class EventListener extends AbstractConsumerSeekAware implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(EventListener.class);

    private final BatchStore store;
    private final ProjectionVersions versions;
    private final Positions positions;
    private final ConsumptionProgress progress;
    private final TableUpkeep upkeep;
    private final MeterRegistry meters;
    private final Counter consumed;
    private final Counter stored;
    private volatile int version;

    EventListener(
            BatchStore store,
            ProjectionVersions versions,
            Positions positions,
            ConsumptionProgress progress,
            TableUpkeep upkeep,
            MeterRegistry meters) {
        this.store = store;
        this.upkeep = upkeep;
        this.versions = versions;
        this.positions = positions;
        this.progress = progress;
        this.meters = meters;
        this.consumed = Counter.builder("outcomes.events.consumed")
                .description("Records read from the topics, duplicates included")
                .register(meters);
        this.stored = Counter.builder("outcomes.events.stored")
                .description("Events stored in the event log and projections for the first time")
                .register(meters);
        for (SetAside.Kind kind : SetAside.Kind.values()) {
            setAsideCounter(kind);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        progress.assigned(assignments.keySet());
        // Where to read from is stored in the database; nothing may be read before it is known. A rebalance while the
        // database is away waits here for it (nothing is polled meanwhile) instead of failing the callback, which left
        // the partitions at positions nobody chose.
        for (int attempt = 1; ; attempt++) {
            try {
                version = versions.active();
                seekToStored(assignments.keySet(), callback);
                return;
            } catch (DataAccessException e) {
                log.warn(
                        "Could not read the stored positions of {} (attempt {}); retrying in a second: {}",
                        assignments.keySet(),
                        attempt,
                        e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        super.onPartitionsRevoked(partitions);
        progress.revoked(partitions);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        int active;
        try {
            active = versions.active();
        } catch (RuntimeException e) {
            log.warn("Could not read the active projection version; retrying the batch in a second: {}", e.toString());
            throw e;
        }
        if (active != version) {
            log.info("Projection version {} is now active; continuing from its stored positions", active);
            version = active;
            getCallbacksAndTopics().forEach((callback, partitions) -> seekToStored(partitions, callback));
            return;
        }
        BatchStore.Stored result;
        try {
            result = store.store(version, records);
        } catch (RuntimeException e) {
            // not a record's fault (those are set aside): the database is away or similar; the batch is retried
            log.warn(
                    "Could not store a batch of {} records; retrying it in a second: {}", records.size(), e.toString());
            throw e;
        }
        consumed.increment(result.records());
        stored.increment(result.newEvents());
        upkeep.stored(version, result.newEvents());
        for (SetAside s : result.setAside()) {
            setAsideCounter(s.kind()).increment();
            log.warn(
                    "Set aside {}-{}@{} ({}): {}; the partition moves on",
                    s.topic(),
                    s.partition(),
                    s.offset(),
                    s.kind(),
                    s.reason());
        }
        progress.advanced();
    }

    private void seekToStored(Collection<TopicPartition> partitions, ConsumerSeekCallback callback) {
        for (TopicPartition partition : partitions) {
            Long next = positions.of(version, partition);
            if (next == null) {
                callback.seekToBeginning(partition.topic(), partition.partition());
            } else {
                callback.seek(partition.topic(), partition.partition(), next);
            }
        }
    }

    private Counter setAsideCounter(SetAside.Kind kind) {
        return Counter.builder("outcomes.events.set.aside")
                .description("Records set aside instead of stored: unreadable, unknown, invalid, implausible, refused")
                .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters);
    }
}
