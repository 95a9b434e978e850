package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import org.housingfirst.outcomes.retention.StillHoused;

/** The crude still-housed share with its scope, both time axes and its definition version. */
record StillHousedFigure(
        String country,
        String municipalityCode,
        LocalDate asOf,
        Instant knownAt,
        String definitionVersion,
        StillHoused result) {}
