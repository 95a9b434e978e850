package org.housingfirst.contracts.support;

/** The support model of an episode. */
public enum SupportModel {
    ACT,
    FACT,
    ICM,
    CTI,
    CASE_MANAGEMENT,
    OTHER
}
