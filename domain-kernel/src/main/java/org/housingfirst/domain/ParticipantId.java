package org.housingfirst.domain;

import java.util.Objects;

/**
 * A participant as the platform knows them: a random surrogate id that only the identity vault links to the keyed
 * pseudonym of their identity number (ADR 0006); for participants recorded before the vault, the pseudonym itself.
 * Never the number. Typed, so that it cannot be passed where another kind of id is meant.
 */
public record ParticipantId(String value) {

    /** The form of every participant id (and pseudonym): 52 characters of lower-case base32. */
    public static final String PATTERN = "[a-z2-7]{52}";

    /** What a request is told when a participant id is not in that form. */
    public static final String PATTERN_MESSAGE = "must be a participant id, never an identity number";

    public ParticipantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a participant id is not blank");
        }
    }
}
