package org.housingfirst.outcomes.figures;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Every figure of a municipality: its scope, both time axes, the definition it was computed by, the result, and its
 * standing against the first release of its reference date. Absent fields are left out.
 *
 * @param breakdown the breakdown of a figure per category, e.g. {@code SEX}
 * @param from first day of the figure's period, for figures over a period
 * @param to last day of the figure's period
 * @param asOf the business date up to which events count
 * @param knownAt only events recorded before this instant count
 * @param firstRelease when the figure for its reference date was first released
 * @param firstReleaseResult the result as first released, when it has been revised since
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure<T>(
        String country,
        String municipalityCode,
        String breakdown,
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        Instant knownAt,
        String definitionVersion,
        T result,
        Revision revision,
        Instant firstRelease,
        T firstReleaseResult) {}
