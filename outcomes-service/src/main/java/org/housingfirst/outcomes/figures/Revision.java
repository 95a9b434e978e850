package org.housingfirst.outcomes.figures;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * A figure's standing against its first release, decided by one rule for municipality figures and national table
 * cells alike.
 */
public enum Revision {
    /** Known before the first release of its reference date. */
    PROVISIONAL,
    /** Known at or after the first release, and equal to the figure as first released. */
    AS_RELEASED,
    /** Known after the first release, and different from the figure as first released. */
    REVISED;

    /**
     * @param known the instant the figure is known at
     * @param firstRelease the first release of its reference date
     * @param asReleased whether the figure equals the one as first released; asked only when known after the release
     */
    public static Revision of(Instant known, Instant firstRelease, BooleanSupplier asReleased) {
        if (known.isBefore(firstRelease)) {
            return PROVISIONAL;
        }
        return asReleased.getAsBoolean() ? AS_RELEASED : REVISED;
    }

    /** The JSON-stat status of a published cell: {@code p} provisional, {@code r} revised, none as released. */
    public String status() {
        return switch (this) {
            case PROVISIONAL -> "p";
            case REVISED -> "r";
            case AS_RELEASED -> null;
        };
    }
}
