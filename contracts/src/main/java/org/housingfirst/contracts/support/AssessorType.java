package org.housingfirst.contracts.support;

/** Who assessed fidelity. */
public enum AssessorType {
    SELF,
    EXTERNAL
}
