package org.housingfirst.support.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** What a POST recorded: the event's id, the participant's id and the id of what was created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RecordedResponse(UUID eventId, String participantId, UUID episodeId, UUID offerId, UUID contactId) {}
