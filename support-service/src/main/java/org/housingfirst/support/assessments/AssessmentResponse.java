package org.housingfirst.support.assessments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.UUID;

/** What an assessment recorded: its ids and the scores computed from the answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AssessmentResponse(
        UUID eventId,
        String participantId,
        String programmeId,
        UUID assessmentId,
        Map<String, ? extends Number> scores,
        String healthProfile,
        String valueSetId,
        Integer missingItems) {}
