package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.TenancyId;

/** Record that an active tenancy's contract changed. */
public record ConvertTenancyContract(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        TenancyId tenancyId,
        LocalDate convertedOn,
        ContractType toContractType,
        SecurityOfTenure securityOfTenure,
        LeaseHolder leaseHolder) {}
