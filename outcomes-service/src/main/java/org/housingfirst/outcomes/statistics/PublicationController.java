package org.housingfirst.outcomes.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Publishing the national statistics releases (role {@code operator}), as the schedule does. */
@RestController
@Tag(
        name = "operations",
        description = "Projection rebuilds, records set aside by the consumer, and publishing releases")
@SecurityRequirement(name = "bearer")
class PublicationController {

    private final Publisher publisher;
    private final ReleaseController releases;

    PublicationController(Publisher publisher, ReleaseController releases) {
        this.publisher = publisher;
        this.releases = releases;
    }

    @PostMapping(path = "/api/v1/operations/releases", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Publish now what the release calendar says is due",
            description = "First releases of quarters whose release date has passed, and revisions of quarters still"
                    + " open for revision whose published cells would change. The same runs on the publication"
                    + " schedule. Answers with the releases published, none when nothing was due.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StatisticsDocuments.ReleaseList.class)))
    ObjectNode publish() {
        return releases.list(publisher.publish());
    }
}
