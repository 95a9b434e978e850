package org.housingfirst.contracts.support;

/** Sex as the participant states it; never derived from an identity number. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER
}
