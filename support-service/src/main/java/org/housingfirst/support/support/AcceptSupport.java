package org.housingfirst.support.support;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.domain.EventContext;

/** Record that the participant accepted an offer of support. */
public record AcceptSupport(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        UUID episodeId,
        UUID offerId,
        LocalDate acceptedOn) {}
