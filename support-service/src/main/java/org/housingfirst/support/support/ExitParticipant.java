package org.housingfirst.support.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.support.ExitReason;
import org.housingfirst.domain.EventContext;

/** Record that the participant left a programme. */
public record ExitParticipant(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        String programmeId,
        LocalDate exitedOn,
        ExitReason exitReason,
        DestinationCategory destinationCategory) {}
