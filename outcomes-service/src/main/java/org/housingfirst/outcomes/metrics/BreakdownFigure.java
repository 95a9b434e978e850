package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.housingfirst.outcomes.statistics.Breakdowns;

/**
 * One figure per category of a breakdown of the caller's municipality, with both time axes and the definition version.
 *
 * @param groups one entry per category with participants, in code order
 */
record BreakdownFigure<T>(
        String country,
        String municipalityCode,
        LocalDate asOf,
        Instant knownAt,
        Breakdowns.By by,
        String definitionVersion,
        List<Group<T>> groups) {

    /** @param participants participations in the category (housed at least once by the as-of date) */
    record Group<T>(String category, int participants, T result) {}
}
