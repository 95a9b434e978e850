package org.housingfirst.outcomes.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.housingfirst.domain.RuleViolation;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The releases of the national tables, each one frozen when published and served byte for byte by its id.
 */
@RestController
@Tag(name = "statistics", description = "National statistics tables (PxWebApi 2.0 shape, JSON-stat 2.0 and CSV)")
@SecurityRequirement(name = "bearer")
class ReleaseController {

    private static final String BASE = "/api/v1/statistics/releases";
    /** Country, reference quarter, sequence: {@code SE-2026Q3-1}. */
    private static final String RELEASE_ID = "^[A-Z]{2}-\\d{4}Q[1-4]-\\d{1,4}$";

    private final ReleaseStore store;

    ReleaseController(ReleaseStore store) {
        this.store = store;
    }

    @GetMapping(path = BASE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every release, by country, period and sequence (1 the first release, then revisions)")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StatisticsDocuments.ReleaseList.class)))
    ObjectNode releases() {
        return list(store.all());
    }

    @GetMapping(path = BASE + "/{releaseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One release: when it was published, what it revises, its policy and tables")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StatisticsDocuments.ReleaseInfo.class)))
    ObjectNode release(@PathVariable @Parameter(schema = @Schema(pattern = RELEASE_ID)) String releaseId) {
        Release release =
                store.find(releaseId).orElseThrow(() -> RuleViolation.unknown("releaseId", "no such release"));
        return info(release, store.tables(release.id()));
    }

    @GetMapping(
            path = BASE + "/{releaseId}/tables/{tableId}",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(
            summary = "One table of a release, whole, as JSON-stat 2.0 (default) or CSV",
            description = "The document stored when the release was published, byte for byte: it never changes.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = StatisticsDocuments.JsonStatDataset.class)),
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = "string", description = "one row per cell, with a header"))
            })
    ResponseEntity<byte[]> releasedTable(
            @PathVariable @Parameter(schema = @Schema(pattern = RELEASE_ID)) String releaseId,
            @PathVariable @Parameter(schema = @Schema(pattern = "^HF\\d{2}_[A-Z]{2}$")) String tableId,
            @RequestParam(defaultValue = "json-stat2") String outputFormat) {
        boolean csv = TableDocuments.csvRequested(outputFormat);
        store.find(releaseId).orElseThrow(() -> RuleViolation.unknown("releaseId", "no such release"));
        byte[] document = store.document(
                        releaseId, tableId, csv ? ReleaseStore.Format.CSV : ReleaseStore.Format.JSON_STAT)
                .orElseThrow(() -> RuleViolation.unknown("tableId", "no such table in this release"));
        return ResponseEntity.ok()
                .contentType(csv ? TableDocuments.CSV_TYPE : MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365))
                        .cachePrivate()
                        .immutable())
                .eTag("\"" + releaseId + "/" + tableId + "/" + outputFormat + "\"")
                .body(document);
    }

    ObjectNode list(List<Release> releases) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode array = body.putArray("releases");
        Map<String, List<String>> tables = store.tables();
        releases.forEach(r -> array.add(info(r, tables.getOrDefault(r.id(), List.of()))));
        return body;
    }

    private ObjectNode info(Release release, List<String> releaseTables) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("id", release.id());
        info.put("country", release.country());
        info.put("period", release.period().code());
        info.put("sequence", release.sequence());
        info.put("published", release.publishedAt().toString());
        if (release.revision()) {
            info.put("revises", Release.id(release.country(), release.period(), release.sequence() - 1));
        }
        info.put("disclosurePolicy", release.disclosurePolicy());
        info.put("codeListVersion", release.codeListVersion());
        info.put("note", release.note());
        ArrayNode tables = info.putArray("tables");
        ArrayNode links = info.putArray("links");
        links.addObject().put("rel", "self").put("href", BASE + "/" + release.id());
        for (String table : releaseTables) {
            tables.add(table);
            links.addObject().put("rel", "data").put("href", BASE + "/" + release.id() + "/tables/" + table);
        }
        return info;
    }
}
