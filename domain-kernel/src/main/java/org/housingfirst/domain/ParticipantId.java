package org.housingfirst.domain;

import java.util.Objects;

/**
 * A participant as the platform knows them: the keyed pseudonym of their identity number, never the number itself.
 * Typed, so that it cannot be passed where another kind of id is meant.
 */
public record ParticipantId(String value) {

    public ParticipantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a participant id is not blank");
        }
    }
}
