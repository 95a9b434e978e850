package org.housingfirst.domain;

import java.time.Instant;
import java.util.UUID;
import org.housingfirst.contracts.Municipality;

/** Who reports a fact, about whom, and the id and instant it is recorded with. */
public record EventContext(
        UUID eventId,
        ParticipantId participantId,
        String reportingOrganisation,
        Municipality municipality,
        Instant recordedAt) {}
