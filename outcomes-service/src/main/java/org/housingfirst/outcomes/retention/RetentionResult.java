package org.housingfirst.outcomes.retention;

/**
 * A retention figure with everything needed to judge it.
 *
 * @param eligible participants whose first move-in lies at least the horizon before the as-of date
 * @param retained housed at move-in + horizon, or gone on to other permanent housing before it
 * @param notRetained lost their housing without rehousing within the gap
 * @param excludedDeceased died before the horizon; left out of the denominator
 * @param excludedLongTermCare moved to long-term care before the horizon; left out of the denominator
 * @param unknown outcome unknown: in the denominator (strict) or left out (known-status)
 * @param censored outcome not yet determinable: a gap still open at the as-of date, shorter than the rehousing gap
 * @param rate retained / denominator, null when the denominator is 0
 */
public record RetentionResult(
        int eligible,
        int retained,
        int notRetained,
        int excludedDeceased,
        int excludedLongTermCare,
        int unknown,
        int censored,
        int denominator,
        Double rate,
        String definitionVersion) {}
