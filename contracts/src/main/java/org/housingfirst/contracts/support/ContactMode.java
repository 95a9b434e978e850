package org.housingfirst.contracts.support;

/** How a support contact took place. */
public enum ContactMode {
    HOME_VISIT,
    OUTREACH,
    OFFICE,
    PHONE,
    DIGITAL,
    ACCOMPANIED_APPOINTMENT
}
