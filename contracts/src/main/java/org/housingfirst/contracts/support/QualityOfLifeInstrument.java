package org.housingfirst.contracts.support;

/** The quality-of-life instrument. */
public enum QualityOfLifeInstrument {
    WHOQOL_BREF,
    MANSA,
    EQ_5D_5L
}
