package org.housingfirst.support.support;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.support.EpisodeEndReason;

/** Body of POST /api/v1/support-episodes/{episodeId}/end. */
record EndSupportEpisodeRequest(
        @NotNull LocalDate endedOn, @NotNull EpisodeEndReason reason) {}
