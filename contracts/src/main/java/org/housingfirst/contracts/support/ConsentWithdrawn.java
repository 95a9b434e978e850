package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * The participant withdrew consent for a purpose; consumers must honour it from {@code occurredOn} on.
 *
 * @param purpose what the withdrawal covers
 */
@ContractRevision("1")
public record ConsentWithdrawn(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        ConsentPurpose purpose)
        implements SupportEvent, ParticipantEvent {}
