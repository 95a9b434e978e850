package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.tenancy.OfferDeclineReason;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.HousingOfferId;

/** Record that the participant declined an offer. */
public record DeclineHousingOffer(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        HousingOfferId offerId,
        LocalDate declinedOn,
        OfferDeclineReason reason) {}
