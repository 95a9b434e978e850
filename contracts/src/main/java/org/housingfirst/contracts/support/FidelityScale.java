package org.housingfirst.contracts.support;

/** The fidelity scale used. */
public enum FidelityScale {
    PATHWAYS_HF,
    PATHWAYS_SELF_ASSESSMENT,
    DANISH_HF,
    OTHER
}
