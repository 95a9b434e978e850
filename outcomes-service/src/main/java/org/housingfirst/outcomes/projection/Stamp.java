package org.housingfirst.outcomes.projection;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * When the platform recorded a fact and the event that carried it: decides between competing facts about the same
 * field of a row (the greater stamp wins), whatever order they arrive in.
 */
record Stamp(Instant recordedAt, UUID eventId) implements Comparable<Stamp> {

    private static final Comparator<Stamp> ORDER =
            Comparator.comparing(Stamp::recordedAt).thenComparing(Stamp::eventId);

    @Override
    public int compareTo(Stamp other) {
        return ORDER.compare(this, other);
    }

    /** Whether a fact stamped {@code this} replaces the field group last set by {@code current} (null: never set). */
    boolean replaces(Stamp current) {
        return current == null || compareTo(current) > 0;
    }
}
