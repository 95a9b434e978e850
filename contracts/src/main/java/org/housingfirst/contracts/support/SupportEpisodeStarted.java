package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * A support episode began. Support follows the person: an episode is independent of tenancies. {@code occurredOn} is its first day.
 *
 * @param episodeId id of the episode
 * @param model the support model
 * @param plannedContactsPerMonth planned contacts per month, a programme parameter
 */
@ContractRevision("1")
public record SupportEpisodeStarted(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID episodeId,
        SupportModel model,
        int plannedContactsPerMonth)
        implements SupportEvent, ParticipantEvent {}
