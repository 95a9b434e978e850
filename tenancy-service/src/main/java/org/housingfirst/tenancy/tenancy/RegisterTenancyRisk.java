package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.tenancy.RiskType;
import org.housingfirst.domain.EventContext;

/** Record a threat to an active tenancy. */
public record RegisterTenancyRisk(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        UUID tenancyId,
        LocalDate registeredOn,
        RiskType riskType) {}
