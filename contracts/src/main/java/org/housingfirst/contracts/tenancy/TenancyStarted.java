package org.housingfirst.contracts.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;

/**
 * The participant moved into a dwelling under a contract. {@code occurredOn} is the move-in date, the start of every
 * retention clock.
 *
 * @param tenancyId id of the tenancy
 * @param offerId the accepted offer, or null when the tenancy was not preceded by a recorded offer
 * @param contractType own first-hand lease, second-hand contract, ...
 * @param securityOfTenure legal protection against termination
 * @param leaseHolder who holds the lease with the landlord
 * @param housingType scattered site, clustered or single site
 * @param landlordType who owns the dwelling
 * @param rehousing true when this tenancy follows an earlier one that ended (rehousing within the programme)
 * @param previousTenancyId the tenancy this one follows, or null
 */
@ContractRevision("1")
public record TenancyStarted(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID tenancyId,
        UUID offerId,
        ContractType contractType,
        SecurityOfTenure securityOfTenure,
        LeaseHolder leaseHolder,
        HousingType housingType,
        LandlordType landlordType,
        boolean rehousing,
        UUID previousTenancyId)
        implements TenancyEvent {}
