package org.housingfirst.outcomes.statistics;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param k disclosure threshold: a rate whose denominator, numerator or complement is below k is suppressed
 * @param releaseLag a reference date's first release is the table as known this long after it; later changes mark cells
 *     revised, and earlier views are provisional
 * @param firstPeriod the first quarter offered, e.g. 2022Q1 (the Swedish national strategy's start)
 * @param revisableQuarters how many of the newest released quarters a revision may still change; older releases are
 *     final
 */
@ConfigurationProperties("platform.statistics")
public record StatisticsProperties(
        @DefaultValue("5") int k,
        @DefaultValue("P14D") Period releaseLag,
        @DefaultValue("2022Q1") String firstPeriod,
        @DefaultValue("8") int revisableQuarters) {

    public StatisticsProperties {
        if (k < 1) {
            throw new IllegalArgumentException("platform.statistics.k must be at least 1");
        }
        if (revisableQuarters < 1) {
            throw new IllegalArgumentException("platform.statistics.revisable-quarters must be at least 1");
        }
    }
}
