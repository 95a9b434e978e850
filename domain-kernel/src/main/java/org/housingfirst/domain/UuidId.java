package org.housingfirst.domain;

import java.util.UUID;

/**
 * An id of one kind of thing ({@link TenancyId}, {@link HousingOfferId}, {@link AbsenceId}, {@link EpisodeId},
 * {@link SupportOfferId}): a UUID on the wire and in events, a type of its own in commands and aggregates, so that one
 * kind cannot be passed where another is meant.
 */
public interface UuidId {

    UUID value();

    /** The UUID, or null for an absent id, as events and views carry it. */
    static UUID valueOf(UuidId id) {
        return id == null ? null : id.value();
    }
}
