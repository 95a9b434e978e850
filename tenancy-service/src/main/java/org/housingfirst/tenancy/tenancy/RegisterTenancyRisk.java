package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.tenancy.RiskType;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.TenancyId;

/** Record a threat to an active tenancy. */
public record RegisterTenancyRisk(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        TenancyId tenancyId,
        LocalDate registeredOn,
        RiskType riskType) {}
