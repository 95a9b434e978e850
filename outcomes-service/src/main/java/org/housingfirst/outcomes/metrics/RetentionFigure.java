package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import org.housingfirst.outcomes.retention.RetentionResult;
import org.housingfirst.outcomes.statistics.Releases;

/**
 * A retention figure with its scope, both time axes and its standing against the first release.
 *
 * @param revision PROVISIONAL when known before the first release, REVISED when it differs from it, else AS_RELEASED
 * @param firstRelease the instant of the first release for the as-of date
 * @param firstReleaseResult the figure as first released, when revised
 */
record RetentionFigure(
        String country,
        String municipalityCode,
        LocalDate asOf,
        Instant knownAt,
        int months,
        RetentionResult result,
        Releases.Revision revision,
        Instant firstRelease,
        RetentionResult firstReleaseResult) {}
