package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.HousingOfferId;

/** Record that a dwelling was offered. */
public record OfferHousing(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        HousingOfferId offerId,
        LocalDate offeredOn,
        HousingType housingType,
        LandlordType landlordType) {}
