package org.housingfirst.contracts.support;

/** What kind of support is offered. */
public enum SupportServiceType {
    HOUSING_SUPPORT,
    MENTAL_HEALTH,
    SUBSTANCE_USE_TREATMENT,
    HARM_REDUCTION,
    SOMATIC_HEALTH,
    INCOME_AND_BENEFITS,
    EMPLOYMENT,
    SOCIAL,
    PEER_SUPPORT,
    OTHER
}
