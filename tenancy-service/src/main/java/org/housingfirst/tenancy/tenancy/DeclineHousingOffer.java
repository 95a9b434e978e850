package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.tenancy.OfferDeclineReason;
import org.housingfirst.domain.EventContext;

/** Record that the participant declined an offer. */
public record DeclineHousingOffer(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        UUID offerId,
        LocalDate declinedOn,
        OfferDeclineReason reason) {}
