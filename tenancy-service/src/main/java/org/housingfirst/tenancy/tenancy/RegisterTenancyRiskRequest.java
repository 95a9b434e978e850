package org.housingfirst.tenancy.tenancy;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.tenancy.RiskType;

/** Body of POST /api/v1/tenancies/{tenancyId}/risks. */
record RegisterTenancyRiskRequest(
        @NotNull LocalDate registeredOn, @NotNull RiskType riskType) {}
