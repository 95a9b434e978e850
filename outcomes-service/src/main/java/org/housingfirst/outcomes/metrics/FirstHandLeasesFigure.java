package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import org.housingfirst.outcomes.contracts.FirstHandLeases;

/** The first-hand lease share and conversions with their scope, period, time axes and definition version. */
record FirstHandLeasesFigure(
        String country,
        String municipalityCode,
        LocalDate asOf,
        LocalDate from,
        LocalDate to,
        Instant knownAt,
        String definitionVersion,
        FirstHandLeases result) {}
