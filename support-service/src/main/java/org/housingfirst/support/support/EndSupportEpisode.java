package org.housingfirst.support.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.EpisodeEndReason;
import org.housingfirst.domain.EpisodeId;
import org.housingfirst.domain.EventContext;

/** End a support episode. */
public record EndSupportEpisode(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        EpisodeId episodeId,
        LocalDate endedOn,
        EpisodeEndReason reason) {}
