package org.housingfirst.support.support;

import org.housingfirst.contracts.Municipality;

/** A participant's support in the asking municipality. */
public record FindSupportSummary(String participantId, Municipality municipality) {}
