package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import org.housingfirst.edge.security.ReportingUnit;

/**
 * A figure over a period with its scope, both time axes and definition version.
 *
 * @param from first day of the period
 * @param to last day of the period
 * @param asOf business date up to which events count
 * @param knownAt only events recorded before this instant count
 */
record PeriodFigure<T>(
        String country,
        String municipalityCode,
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        Instant knownAt,
        String definitionVersion,
        T result) {

    static <T> PeriodFigure<T> of(
            ReportingUnit unit,
            LocalDate from,
            LocalDate to,
            LocalDate asOf,
            Instant knownAt,
            String definitionVersion,
            T result) {
        return new PeriodFigure<>(
                unit.municipality().country(),
                unit.municipality().code(),
                from,
                to,
                asOf,
                knownAt,
                definitionVersion,
                result);
    }
}
