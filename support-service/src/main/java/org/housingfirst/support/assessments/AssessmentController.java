package org.housingfirst.support.assessments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.edge.fields.ProgrammeId;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Assessments in, scores out. Item answers are scored and kept here; only scores are published. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "assessments", description = "Quality-of-life and fidelity assessments")
@SecurityRequirement(name = "bearer")
class AssessmentController {

    private final Assessments assessments;

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    @PostMapping(path = "/participants/{participantId}/quality-of-life-assessments", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Score and record a WHOQOL-BREF, MANSA or EQ-5D-5L assessment")
    ResponseEntity<AssessmentResponse> qualityOfLife(
            @PathVariable @Pattern(regexp = ParticipantId.PATTERN, message = ParticipantId.PATTERN_MESSAGE)
                    String participantId,
            @Valid @RequestBody QualityOfLifeRequest request,
            ReportingUnit unit) {
        AssessmentResponse response = assessments.recordQualityOfLife(participantId, request, unit);
        return ResponseEntity.created(URI.create("/api/v1/participants/" + participantId + "/support"))
                .body(response);
    }

    @PostMapping(path = "/programmes/{programmeId}/fidelity-assessments", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Score and record a programme's fidelity assessment")
    ResponseEntity<AssessmentResponse> fidelity(
            @PathVariable @ProgrammeId String programmeId,
            @Valid @RequestBody FidelityAssessmentRequest request,
            ReportingUnit unit) {
        AssessmentResponse response = assessments.recordFidelity(programmeId, request, unit);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + programmeId))
                .body(response);
    }
}
