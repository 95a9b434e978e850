package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.housingfirst.outcomes.retention.KaplanMeier;

/** A Kaplan-Meier retention curve with its scope, both time axes and its definition version. */
record RetentionCurveFigure(
        String country,
        String municipalityCode,
        LocalDate asOf,
        Instant knownAt,
        String definitionVersion,
        List<KaplanMeier.Step> steps) {}
