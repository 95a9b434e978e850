package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * The participant accepted an offer of support. {@code occurredOn} is the day of acceptance.
 *
 * @param episodeId the episode
 * @param offerId the offer accepted
 */
@ContractRevision("1")
public record SupportAccepted(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID episodeId,
        UUID offerId)
        implements SupportEvent, ParticipantEvent {}
