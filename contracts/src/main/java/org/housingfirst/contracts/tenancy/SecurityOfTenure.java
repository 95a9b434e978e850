package org.housingfirst.contracts.tenancy;

/** Legal protection against termination (besittningsskydd). */
public enum SecurityOfTenure {
    FULL,
    LIMITED,
    NONE
}
