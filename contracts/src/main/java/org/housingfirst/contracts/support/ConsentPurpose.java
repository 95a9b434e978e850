package org.housingfirst.contracts.support;

/** What a consent covers. Withdrawing NATIONAL_STATISTICS removes the person from national tables. */
public enum ConsentPurpose {
    SERVICE,
    NATIONAL_STATISTICS,
    RESEARCH
}
