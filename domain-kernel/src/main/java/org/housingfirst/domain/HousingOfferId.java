package org.housingfirst.domain;

import java.util.Objects;
import java.util.UUID;

/** One offer of housing. */
public record HousingOfferId(UUID value) implements UuidId {

    public HousingOfferId {
        Objects.requireNonNull(value, "value");
    }
}
