package org.housingfirst.contracts.tenancy;

/** Who ended a tenancy. */
public enum EndInitiatedBy {
    LANDLORD,
    TENANT,
    COURT,
    PROGRAMME
}
