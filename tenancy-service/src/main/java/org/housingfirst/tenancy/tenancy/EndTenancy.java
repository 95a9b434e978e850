package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.TenancyId;

/** Record that a tenancy ended. */
public record EndTenancy(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        TenancyId tenancyId,
        LocalDate endDate,
        EndReason endReason,
        DestinationCategory destinationCategory,
        EndInitiatedBy initiatedBy) {}
