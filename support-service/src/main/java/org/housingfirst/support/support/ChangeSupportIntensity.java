package org.housingfirst.support.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.SupportModel;
import org.housingfirst.domain.EpisodeId;
import org.housingfirst.domain.EventContext;

/** Step an episode up or down. */
public record ChangeSupportIntensity(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        EpisodeId episodeId,
        LocalDate changedOn,
        SupportModel toModel,
        int plannedContactsPerMonth) {}
