package org.housingfirst.support.assessments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.edge.fields.ItemCodes;
import org.housingfirst.edge.fields.VersionLabel;

/**
 * Body of POST /api/v1/participants/{participantId}/quality-of-life-assessments. {@code answers} are item codes to
 * answers: {@code Q1}–{@code Q26} for WHOQOL-BREF, {@code S1}–{@code S12} for MANSA, {@code MO}, {@code SC}, {@code
 * UA}, {@code PD}, {@code AD} and {@code VAS} for EQ-5D-5L.
 */
record QualityOfLifeRequest(
        @NotNull LocalDate assessedOn,
        @NotNull QualityOfLifeInstrument instrument,
        @VersionLabel String instrumentVersion,
        @NotNull AssessmentTimepoint timepoint,
        @NotNull @Size(max = 40) @ItemCodes Map<String, Integer> answers) {}
