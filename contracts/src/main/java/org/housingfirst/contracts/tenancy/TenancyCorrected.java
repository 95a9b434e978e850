package org.housingfirst.contracts.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;

/**
 * A tenancy's facts as corrected: its start, and its end once it has ended. From {@code recordedAt} on, they replace
 * what the tenancy's {@link TenancyStarted}, {@link TenancyEnded} and any earlier correction stated; a figure asked as
 * known before {@code recordedAt} still sees the earlier facts. {@code occurredOn} is the corrected move-in date. The
 * offer and the previous tenancy are not corrected. A correction may follow the tenancy's end.
 *
 * @param tenancyId the tenancy corrected
 * @param rehousing true when this tenancy follows an earlier one that ended
 * @param endDate the corrected end date, or null while the tenancy is active; the four end fields are all null or all
 *     set
 */
@ContractRevision("1")
public record TenancyCorrected(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID tenancyId,
        ContractType contractType,
        SecurityOfTenure securityOfTenure,
        LeaseHolder leaseHolder,
        HousingType housingType,
        LandlordType landlordType,
        boolean rehousing,
        LocalDate endDate,
        EndReason endReason,
        DestinationCategory destinationCategory,
        EndInitiatedBy initiatedBy)
        implements TenancyEvent {}
