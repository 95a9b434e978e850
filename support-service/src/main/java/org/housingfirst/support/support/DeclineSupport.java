package org.housingfirst.support.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.SupportDeclineReason;
import org.housingfirst.domain.EpisodeId;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.SupportOfferId;

/** Record that the participant declined an offer of support. */
public record DeclineSupport(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        EpisodeId episodeId,
        SupportOfferId offerId,
        LocalDate declinedOn,
        SupportDeclineReason reason) {}
