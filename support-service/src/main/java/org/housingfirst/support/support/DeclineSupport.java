package org.housingfirst.support.support;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.SupportDeclineReason;
import org.housingfirst.domain.EventContext;

/** Record that the participant declined an offer of support. */
public record DeclineSupport(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        UUID episodeId,
        UUID offerId,
        LocalDate declinedOn,
        SupportDeclineReason reason) {}
