package org.housingfirst.support.dataprotection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.housingfirst.edge.access.AccessLog;
import org.housingfirst.edge.access.AccessLogged;
import org.housingfirst.edge.participant.DataProtectionApi;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** The subject access export by identity number, as JSON or as one readable HTML page. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = DataProtectionApi.TAG, description = DataProtectionApi.TAG_DESCRIPTION)
@SecurityRequirement(name = "bearer")
class SubjectAccessRequestController {

    private final SubjectAccessRequests requests;

    SubjectAccessRequestController(SubjectAccessRequests requests) {
        this.requests = requests;
    }

    @PostMapping(
            path = "/subject-access-requests",
            consumes = "application/json",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE})
    @AccessLogged
    @Operation(
            summary = "Everything every service holds about a person, named by identity number, in the caller's"
                    + " municipality",
            description = "GDPR Article 15: each service's events, stored records and access-log entries about the"
                    + " person, gathered from tenancy-service and outcomes-service with the caller's own token. JSON,"
                    + " or one readable page when Accept names text/html before application/json. 404 when no"
                    + " participant is known by this identity; 503 when a service did not answer.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")),
                @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))
            })
    ResponseEntity<?> exportSubjectAccess(
            @Valid @RequestBody SubjectAccessRequest request,
            ReportingUnit unit,
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        ObjectNode export = requests.export(request.participant(), unit, authorization, purpose);
        return html(accept)
                ? ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(SubjectAccessPage.render(export))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(export);
    }

    /** Whether the first of the accepted types that is HTML or JSON is HTML (no Accept, or any: JSON). */
    private static boolean html(String accept) {
        java.util.List<MediaType> types;
        try {
            types = accept == null ? java.util.List.of() : MediaType.parseMediaTypes(accept);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        for (MediaType type : types) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.includes(MediaType.TEXT_HTML)) {
                return true;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
