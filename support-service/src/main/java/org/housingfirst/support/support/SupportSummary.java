package org.housingfirst.support.support;

import java.util.List;

/** A participant's enrolments and support episodes in the caller's municipality. */
public record SupportSummary(String participantId, List<EnrolmentView> enrolments, List<EpisodeView> episodes) {}
