package org.housingfirst.contracts.support;

/** How long the participant had been homeless at entry. */
public enum HomelessnessDuration {
    LESS_THAN_3_MONTHS,
    MONTHS_3_TO_12,
    YEARS_1_TO_2,
    YEARS_2_TO_5,
    MORE_THAN_5_YEARS,
    UNKNOWN
}
