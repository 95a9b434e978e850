package org.housingfirst.support.support;

import org.housingfirst.contracts.Municipality;
import org.housingfirst.domain.ParticipantId;

/** A participant's support in the asking municipality. */
public record FindSupportSummary(ParticipantId participantId, Municipality municipality) {}
