package org.housingfirst.tenancy.tenancy;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;

/** Body of POST /api/v1/tenancies/{tenancyId}/end. */
record EndTenancyRequest(
        @NotNull LocalDate endDate,
        @NotNull EndReason endReason,
        @NotNull DestinationCategory destinationCategory,
        @NotNull EndInitiatedBy initiatedBy) {}
