package org.housingfirst.support.assessments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.housingfirst.contracts.support.AssessorType;
import org.housingfirst.contracts.support.FidelityScale;
import org.housingfirst.edge.fields.ItemCodes;
import org.housingfirst.edge.fields.VersionLabel;

/** Body of POST /api/v1/programmes/{programmeId}/fidelity-assessments: item codes to scores 1–4. */
record FidelityAssessmentRequest(
        @NotNull LocalDate assessedOn,
        @NotNull FidelityScale scale,
        @VersionLabel String scaleVersion,
        @NotNull AssessorType assessorType,
        @NotNull @Size(max = 200) @ItemCodes Map<String, Integer> itemScores) {}
