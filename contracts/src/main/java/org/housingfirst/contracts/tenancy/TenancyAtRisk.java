package org.housingfirst.contracts.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;

/** A threat to an active tenancy was registered. {@code occurredOn} is the day it arose. */
@ContractRevision("1")
public record TenancyAtRisk(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID tenancyId,
        RiskType riskType)
        implements TenancyEvent {}
