package org.housingfirst.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What every contract event carries, whichever service produced it. Events about a person are {@link
 * ParticipantEvent}s.
 */
public interface ContractEvent {

    /** Unique id of this event; the CloudEvents {@code id}, so consumers can deduplicate. */
    UUID eventId();

    /** The reporting organisation, taken from the caller's token. */
    String reportingOrganisation();

    /** The reporting municipality, taken from the caller's token, with its code-list version. */
    Municipality municipality();

    /** The business date: the day the fact happened in the world. */
    LocalDate occurredOn();

    /** The instant the platform recorded the fact. */
    Instant recordedAt();

    /** The Kafka key: events with the same key keep their order. */
    String partitionKey();

    /** The revision of an event type's contract, from its {@link ContractRevision}. */
    static String revisionOf(Class<? extends ContractEvent> type) {
        ContractRevision revision = type.getAnnotation(ContractRevision.class);
        if (revision == null) {
            throw new IllegalArgumentException(type.getName() + " has no @ContractRevision");
        }
        return revision.value();
    }

    /** A name-based id for an event the platform derives itself, so deciding it again yields the same id. */
    static UUID derivedEventId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
