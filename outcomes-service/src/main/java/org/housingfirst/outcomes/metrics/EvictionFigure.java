package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import org.housingfirst.outcomes.retention.EvictionRate;

/** Evictions per tenancy-year with their scope, period, time axes and definition version. */
record EvictionFigure(
        String country,
        String municipalityCode,
        LocalDate from,
        LocalDate to,
        Instant knownAt,
        String definitionVersion,
        EvictionRate result) {}
