package org.housingfirst.support.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.SupportModel;
import org.housingfirst.domain.EpisodeId;
import org.housingfirst.domain.EventContext;

/** Start a support episode. */
public record StartSupportEpisode(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        EpisodeId episodeId,
        LocalDate startedOn,
        SupportModel model,
        int plannedContactsPerMonth) {}
