package org.housingfirst.support.support;

import java.util.UUID;
import org.housingfirst.contracts.Municipality;

/** One support episode, if it belongs to the asking municipality. */
public record FindEpisode(UUID episodeId, Municipality municipality) {}
