package org.housingfirst.contracts.tenancy;

/** A threat to a tenancy that the programme should act on. */
public enum RiskType {
    RENT_ARREARS,
    DISTURBANCE_COMPLAINT,
    NOTICE_TO_QUIT,
    /** Application for eviction to Kronofogden (SE) or namsmannen (NO). */
    EVICTION_APPLICATION
}
