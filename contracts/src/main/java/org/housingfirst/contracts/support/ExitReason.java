package org.housingfirst.contracts.support;

/** Why a participant left the programme. */
public enum ExitReason {
    NO_LONGER_NEEDS_SUPPORT,
    MOVED_OUT_OF_AREA,
    DISENGAGED,
    DECEASED,
    TRANSFERRED,
    OTHER
}
