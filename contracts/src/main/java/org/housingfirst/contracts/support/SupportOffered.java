package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * A kind of support was offered within an episode. {@code occurredOn} is the day of the offer.
 *
 * @param episodeId the episode
 * @param offerId id of the offer
 * @param serviceType what was offered
 */
@ContractRevision("1")
public record SupportOffered(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID episodeId,
        UUID offerId,
        SupportServiceType serviceType)
        implements SupportEvent, ParticipantEvent {}
