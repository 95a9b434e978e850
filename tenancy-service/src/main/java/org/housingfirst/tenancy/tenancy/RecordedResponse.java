package org.housingfirst.tenancy.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * What a POST recorded: the event's id, the participant's id, the id of what was created, and when the platform
 * recorded it (the event's {@code recordedAt}: the instant from which a figure asked with {@code knownAt} sees it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RecordedResponse(
        UUID eventId, String participantId, UUID offerId, UUID tenancyId, UUID absenceId, Instant recordedAt) {}
