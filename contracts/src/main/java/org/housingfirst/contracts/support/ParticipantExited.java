package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * The participant left the programme. {@code occurredOn} is the exit date.
 *
 * @param programmeId the programme left
 * @param exitReason why
 * @param destinationCategory where the participant went
 */
@ContractRevision("1")
public record ParticipantExited(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        String programmeId,
        ExitReason exitReason,
        DestinationCategory destinationCategory)
        implements SupportEvent, ParticipantEvent {}
