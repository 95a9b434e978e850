package org.housingfirst.contracts.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;

/**
 * The participant is temporarily away from the dwelling and keeps the tenancy. {@code occurredOn} is the first day
 * away. At most one absence is open at a time.
 */
@ContractRevision("1")
public record TemporaryAbsenceStarted(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID tenancyId,
        UUID absenceId,
        AbsenceType absenceType)
        implements TenancyEvent {}
