package org.housingfirst.support.support;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.SupportServiceType;
import org.housingfirst.domain.EventContext;

/** Record an offer of support within an episode. */
public record OfferSupport(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        UUID episodeId,
        UUID offerId,
        LocalDate offeredOn,
        SupportServiceType serviceType) {}
