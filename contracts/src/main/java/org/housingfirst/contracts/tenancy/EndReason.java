package org.housingfirst.contracts.tenancy;

/** Why a tenancy ended (domain brief §8.2). */
public enum EndReason {
    MOVED_TO_OTHER_PERMANENT_HOUSING,
    REHOUSED_WITHIN_PROGRAMME,
    EVICTION_RENT_ARREARS,
    EVICTION_DISTURBANCE,
    EVICTION_OTHER,
    TENANT_TERMINATED_VOLUNTARY,
    ABANDONED,
    CUSTODIAL_SENTENCE,
    LONG_TERM_CARE,
    DECEASED,
    OTHER,
    UNKNOWN
}
