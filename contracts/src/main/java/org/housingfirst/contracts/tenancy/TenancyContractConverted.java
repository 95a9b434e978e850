package org.housingfirst.contracts.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;

/**
 * The contract of an active tenancy changed, typically from a second-hand contract to the participant's own
 * first-hand lease. {@code occurredOn} is the day the new contract took effect.
 */
@ContractRevision("1")
public record TenancyContractConverted(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID tenancyId,
        ContractType fromContractType,
        ContractType toContractType,
        SecurityOfTenure securityOfTenure,
        LeaseHolder leaseHolder)
        implements TenancyEvent {}
