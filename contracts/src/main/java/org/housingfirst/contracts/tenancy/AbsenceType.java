package org.housingfirst.contracts.tenancy;

/** Why the participant is temporarily away; the tenancy is kept. */
public enum AbsenceType {
    HOSPITAL,
    PSYCHIATRIC_INPATIENT,
    TREATMENT,
    PRISON,
    OTHER
}
