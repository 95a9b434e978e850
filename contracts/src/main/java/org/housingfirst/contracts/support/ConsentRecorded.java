package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * The participant gave consent for a purpose. {@code occurredOn} is the day consent was given.
 *
 * @param purpose what the consent covers
 */
@ContractRevision("1")
public record ConsentRecorded(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        ConsentPurpose purpose)
        implements SupportEvent, ParticipantEvent {}
