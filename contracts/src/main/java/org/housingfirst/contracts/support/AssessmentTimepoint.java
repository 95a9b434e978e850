package org.housingfirst.contracts.support;

/** When in the programme an assessment was made. */
public enum AssessmentTimepoint {
    BASELINE,
    MONTH_6,
    MONTH_12,
    MONTH_18,
    MONTH_24,
    EXIT,
    AD_HOC
}
