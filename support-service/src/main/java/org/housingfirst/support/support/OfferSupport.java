package org.housingfirst.support.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.SupportServiceType;
import org.housingfirst.domain.EpisodeId;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.SupportOfferId;

/** Record an offer of support within an episode. */
public record OfferSupport(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        EpisodeId episodeId,
        SupportOfferId offerId,
        LocalDate offeredOn,
        SupportServiceType serviceType) {}
