package org.housingfirst.contracts.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;

/** The participant is back in the dwelling. {@code occurredOn} is the day of return. */
@ContractRevision("1")
public record TemporaryAbsenceEnded(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID tenancyId,
        UUID absenceId)
        implements TenancyEvent {}
