package org.housingfirst.domain;

import java.util.Objects;
import java.util.UUID;

/** One tenancy. */
public record TenancyId(UUID value) implements UuidId {

    public TenancyId {
        Objects.requireNonNull(value, "value");
    }
}
