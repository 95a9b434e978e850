package org.housingfirst.support.assessments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.housingfirst.contracts.support.AssessorType;
import org.housingfirst.contracts.support.FidelityScale;

/** Body of POST /api/v1/programmes/{programmeId}/fidelity-assessments: item codes to scores 1–4. */
record FidelityAssessmentRequest(
        @NotNull LocalDate assessedOn,
        @NotNull FidelityScale scale,
        @NotBlank @Size(max = 40) String scaleVersion,
        @NotNull AssessorType assessorType,
        @NotNull @Size(max = 200) Map<String, Integer> itemScores) {}
