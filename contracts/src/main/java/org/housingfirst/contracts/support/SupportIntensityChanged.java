package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * An episode stepped up or down to another model or frequency. {@code occurredOn} is the day of the change.
 *
 * @param episodeId the episode
 * @param fromModel model before
 * @param toModel model after
 * @param plannedContactsPerMonth planned contacts per month after the change
 */
@ContractRevision("1")
public record SupportIntensityChanged(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID episodeId,
        SupportModel fromModel,
        SupportModel toModel,
        int plannedContactsPerMonth)
        implements SupportEvent, ParticipantEvent {}
