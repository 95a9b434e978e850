package org.housingfirst.contracts.tenancy;

/** Who holds the lease with the landlord. */
public enum LeaseHolder {
    PARTICIPANT,
    MUNICIPALITY,
    NGO
}
