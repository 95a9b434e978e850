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
 * @param maxDataCells the most cells one PxWebApi data request may select; more is a 403, as PxWebApi answers
 * @param maxCallsPerTimeWindow calls to {@code /api/v2} one client may make per {@code timeWindow} seconds; more is a
 *     429 with Retry-After
 * @param timeWindow the rate limit's window in seconds
 * @param defaultLanguage the language of a PxWebApi response without {@code lang}: en, sv or nb
 * @param license the licence of the published tables, as {@code /api/v2/config} names it
 */
@ConfigurationProperties("platform.statistics")
public record StatisticsProperties(
        @DefaultValue("5") int k,
        @DefaultValue("P14D") Period releaseLag,
        @DefaultValue("2022Q1") String firstPeriod,
        @DefaultValue("8") int revisableQuarters,
        @DefaultValue("150000") int maxDataCells,
        @DefaultValue("30") int maxCallsPerTimeWindow,
        @DefaultValue("10") int timeWindow,
        @DefaultValue("en") String defaultLanguage,

        @DefaultValue("https://creativecommons.org/licenses/by/4.0/")
        String license) {

    public StatisticsProperties {
        if (k < 1) {
            throw new IllegalArgumentException("platform.statistics.k must be at least 1");
        }
        if (maxDataCells < 1 || maxCallsPerTimeWindow < 1 || timeWindow < 1) {
            throw new IllegalArgumentException(
                    "platform.statistics.max-data-cells, max-calls-per-time-window and time-window must be positive");
        }
        if (!StatisticsTexts.LANGUAGES.containsKey(defaultLanguage)) {
            throw new IllegalArgumentException(
                    "platform.statistics.default-language must be one of " + StatisticsTexts.LANGUAGE_ORDER);
        }
        if (revisableQuarters < 1) {
            throw new IllegalArgumentException("platform.statistics.revisable-quarters must be at least 1");
        }
    }
}
