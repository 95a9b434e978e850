package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import org.housingfirst.outcomes.retention.RetentionResult;

/** A retention figure with its scope and both time axes. */
record RetentionFigure(
        String country, String municipalityCode, LocalDate asOf, Instant knownAt, int months, RetentionResult result) {}
