package org.housingfirst.contracts.support;

/** The role, never the name, of the staff member in a contact. */
public enum StaffRole {
    SOCIAL_WORKER,
    NURSE,
    PSYCHIATRIST,
    PSYCHOLOGIST,
    PEER_WORKER,
    HOUSING_WORKER,
    OTHER
}
