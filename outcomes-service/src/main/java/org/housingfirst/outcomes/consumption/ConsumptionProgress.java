package org.housingfirst.outcomes.consumption;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/** This instance's share of the partitions and when its consumer last stored a batch, for the health indicator. */
@Component
class ConsumptionProgress {

    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private volatile Instant lastAdvanced;

    ConsumptionProgress(Clock clock) {
        this.clock = clock;
        this.lastAdvanced = clock.instant();
    }

    void assigned(Collection<TopicPartition> partitions) {
        assigned.addAll(partitions);
        lastAdvanced = clock.instant();
    }

    void revoked(Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
    }

    void advanced() {
        lastAdvanced = clock.instant();
    }

    Set<TopicPartition> assigned() {
        return Set.copyOf(assigned);
    }

    Instant lastAdvanced() {
        return lastAdvanced;
    }
}
