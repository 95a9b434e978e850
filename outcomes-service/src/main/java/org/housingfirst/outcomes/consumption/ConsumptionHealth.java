package org.housingfirst.outcomes.consumption;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Health of this instance's consumer: DOWN when its container is not running, or when records wait in its partitions
 * and it has not stored a batch for {@code platform.consumption.stall-after}, so a consumer stuck on anything shows
 * instead of leaving figures silently stale. Details: events waiting, when it last advanced, whether the topics still
 * hold their whole history (a rebuild needs it).
 */
@Component("consumption")
class ConsumptionHealth extends AbstractHealthIndicator {

    private final MessageListenerContainer container;
    private final ConsumptionProgress progress;
    private final TopicOffsets offsets;
    private final Positions positions;
    private final ProjectionVersions versions;
    private final Duration stallAfter;
    private final Clock clock;

    ConsumptionHealth(
            MessageListenerContainer outcomesEventsContainer,
            ConsumptionProgress progress,
            TopicOffsets offsets,
            Positions positions,
            ProjectionVersions versions,
            ConsumptionProperties properties,
            Clock clock) {
        super("Consumption health check failed");
        this.container = outcomesEventsContainer;
        this.progress = progress;
        this.offsets = offsets;
        this.positions = positions;
        this.versions = versions;
        this.stallAfter = properties.stallAfter();
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Set<TopicPartition> assigned = progress.assigned();
        Map<TopicPartition, Long> stored = positions.all(versions.active());
        Map<TopicPartition, Long> ends = offsets.latest(assigned);
        Map<TopicPartition, Long> beginnings = offsets.earliest(offsets.partitions());
        long waiting = 0;
        for (TopicPartition partition : assigned) {
            long end = ends.getOrDefault(partition, 0L);
            waiting += Math.max(0, end - stored.getOrDefault(partition, beginnings.getOrDefault(partition, 0L)));
        }
        Instant lastAdvanced = progress.lastAdvanced();
        Duration idle = Duration.between(lastAdvanced, clock.instant());
        boolean stalled = waiting > 0 && idle.compareTo(stallAfter) > 0;
        builder.withDetail("running", container.isRunning())
                .withDetail("assignedPartitions", assigned.size())
                .withDetail("eventsWaiting", waiting)
                .withDetail("lastAdvanced", lastAdvanced.toString())
                .withDetail("historyComplete", beginnings.values().stream().allMatch(offset -> offset == 0));
        if (!container.isRunning() || stalled) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
