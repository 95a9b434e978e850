package org.housingfirst.domain;

import java.util.Objects;
import java.util.UUID;

/** One temporary absence from a tenancy. */
public record AbsenceId(UUID value) implements UuidId {

    public AbsenceId {
        Objects.requireNonNull(value, "value");
    }
}
