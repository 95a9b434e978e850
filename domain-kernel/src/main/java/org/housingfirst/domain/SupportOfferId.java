package org.housingfirst.domain;

import java.util.Objects;
import java.util.UUID;

/** One offer of a support service within a support episode. */
public record SupportOfferId(UUID value) implements UuidId {

    public SupportOfferId {
        Objects.requireNonNull(value, "value");
    }
}
