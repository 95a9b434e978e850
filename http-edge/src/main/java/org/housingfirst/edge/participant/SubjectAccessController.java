package org.housingfirst.edge.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.edge.access.AccessLog;
import org.housingfirst.edge.access.AccessLogged;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** This service's part of a subject access export, for the municipality's data protection officer (role dpo). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Validated
@Tag(name = DataProtectionApi.TAG, description = DataProtectionApi.TAG_DESCRIPTION)
@SecurityRequirement(name = "bearer")
class SubjectAccessController {

    private final SubjectAccess subjectAccess;
    private final AccessLog accessLog;

    SubjectAccessController(SubjectAccess subjectAccess, AccessLog accessLog) {
        this.subjectAccess = subjectAccess;
        this.accessLog = accessLog;
    }

    @GetMapping("/participants/{participantId}/subject-access")
    @AccessLogged
    @Operation(
            summary = "Everything this service holds about a participant in the caller's municipality",
            description = "The events of their history there, every stored row about them and the access log's"
                    + " entries about them (this read included). support-service's POST /api/v1/subject-access-requests"
                    + " gathers every service's part by identity number.")
    ObjectNode subjectAccessPart(
            @Parameter(description = "the participant's id")
                    @PathVariable
                    @Pattern(regexp = ParticipantId.PATTERN, message = ParticipantId.PATTERN_MESSAGE)
                    String participantId,
            ReportingUnit unit) {
        ParticipantId participant = new ParticipantId(participantId);
        accessLog.read(unit, participant);
        return subjectAccess.export(participant, unit);
    }
}
