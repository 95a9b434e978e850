package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.housingfirst.outcomes.engagement.MonthlyEngagement;

/** A month's support engagement with its scope, both time axes and its definition version. */
record EngagementFigure(
        String country,
        String municipalityCode,
        YearMonth month,
        LocalDate asOf,
        Instant knownAt,
        String definitionVersion,
        MonthlyEngagement result) {}
