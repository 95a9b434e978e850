package org.housingfirst.support.support;

import org.housingfirst.contracts.Municipality;
import org.housingfirst.domain.EpisodeId;

/** One support episode, if it belongs to the asking municipality. */
public record FindEpisode(EpisodeId episodeId, Municipality municipality) {}
