package org.housingfirst.tenancy.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** What a POST recorded: the event's id, the participant's id and the id of what was created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RecordedResponse(UUID eventId, String participantId, UUID offerId, UUID tenancyId, UUID absenceId) {}
