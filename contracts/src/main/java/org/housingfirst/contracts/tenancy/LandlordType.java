package org.housingfirst.contracts.tenancy;

/** Who owns the dwelling. */
public enum LandlordType {
    /** Public housing company (allmännytta). */
    PUBLIC_HOUSING,
    PRIVATE,
    MUNICIPALITY,
    NON_PROFIT
}
