package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * The participant declined an offer of support, a normal and respected choice. {@code occurredOn} is the day of the decline.
 *
 * @param episodeId the episode
 * @param offerId the offer declined
 * @param reason why, without free text
 */
@ContractRevision("1")
public record SupportDeclined(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID episodeId,
        UUID offerId,
        SupportDeclineReason reason)
        implements SupportEvent, ParticipantEvent {}
