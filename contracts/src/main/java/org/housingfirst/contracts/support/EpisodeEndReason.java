package org.housingfirst.contracts.support;

/** Why a support episode ended; it implies nothing about a tenancy. */
public enum EpisodeEndReason {
    NO_LONGER_NEEDED,
    DISENGAGED,
    MOVED,
    DECEASED,
    TRANSFERRED,
    OTHER
}
