package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * A support episode ended; nothing follows it in that episode. {@code occurredOn} is its last day.
 *
 * @param episodeId the episode
 * @param reason why
 */
@ContractRevision("1")
public record SupportEpisodeEnded(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID episodeId,
        EpisodeEndReason reason)
        implements SupportEvent, ParticipantEvent {}
