package org.housingfirst.contracts.support;

/** Why a participant was erased. */
public enum ErasureCause {
    /** The person asked (GDPR Article 17), through the municipality's data protection officer. */
    REQUEST,
    /** The municipality's retention period after the person's exit ran out. */
    RETENTION
}
