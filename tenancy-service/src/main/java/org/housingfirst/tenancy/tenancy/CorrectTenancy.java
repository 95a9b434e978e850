package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.TenancyId;

/** Correct a recorded tenancy: its start facts, and its end when it has ended ({@code end} null otherwise). */
public record CorrectTenancy(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        TenancyId tenancyId,
        LocalDate moveInDate,
        ContractType contractType,
        SecurityOfTenure securityOfTenure,
        LeaseHolder leaseHolder,
        HousingType housingType,
        LandlordType landlordType,
        boolean rehousing,
        End end) {

    /** The corrected end of an ended tenancy. */
    public record End(
            LocalDate endDate,
            EndReason endReason,
            DestinationCategory destinationCategory,
            EndInitiatedBy initiatedBy) {}
}
