package org.housingfirst.support.support;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.SupportModel;
import org.housingfirst.domain.EventContext;

/** Step an episode up or down. */
public record ChangeSupportIntensity(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        UUID episodeId,
        LocalDate changedOn,
        SupportModel toModel,
        int plannedContactsPerMonth) {}
