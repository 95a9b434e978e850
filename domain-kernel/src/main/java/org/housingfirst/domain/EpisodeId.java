package org.housingfirst.domain;

import java.util.Objects;
import java.util.UUID;

/** One support episode. */
public record EpisodeId(UUID value) implements UuidId {

    public EpisodeId {
        Objects.requireNonNull(value, "value");
    }
}
