package org.housingfirst.contracts.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;

/**
 * A tenancy ended. {@code occurredOn} is the end date, never before the move-in date. Nothing follows it for this
 * tenancy but a {@link TenancyCorrected}.
 */
@ContractRevision("1")
public record TenancyEnded(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID tenancyId,
        EndReason endReason,
        DestinationCategory destinationCategory,
        EndInitiatedBy initiatedBy)
        implements TenancyEvent {}
