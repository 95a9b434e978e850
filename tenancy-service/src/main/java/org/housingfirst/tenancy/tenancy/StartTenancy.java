package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.HousingOfferId;
import org.housingfirst.domain.TenancyId;

/** Record that the participant moved in. */
public record StartTenancy(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        TenancyId tenancyId,
        HousingOfferId offerId,
        LocalDate moveInDate,
        ContractType contractType,
        SecurityOfTenure securityOfTenure,
        LeaseHolder leaseHolder,
        HousingType housingType,
        LandlordType landlordType,
        boolean rehousing,
        TenancyId previousTenancyId) {}
