package org.housingfirst.outcomes.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.outcomes.statistics.NationalTables.Definition;
import org.housingfirst.outcomes.statistics.NationalTables.Table;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * National statistics in the shape of PxWebApi 2.0: a table list, each table's metadata as a JSON-stat 2.0 dataset
 * without values, and its data as JSON-stat 2.0 or CSV for a {@code valuecodes[...]} selection. Aggregates only, with
 * disclosure control: readable by the national role, and by analysts and reporters.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "statistics", description = "National statistics tables (PxWebApi 2.0 shape, JSON-stat 2.0 and CSV)")
@SecurityRequirement(name = "bearer")
class StatisticsController {

    static final int MAX_PERIODS = 8;

    private final NationalTables tables;
    private final ReleaseStore releases;

    StatisticsController(NationalTables tables, ReleaseStore releases) {
        this.tables = tables;
        this.releases = releases;
    }

    @GetMapping(path = "/tables", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The tables offered, as PxWebApi's table list")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StatisticsDocuments.TableList.class)))
    ObjectNode list() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("language", "en");
        var array = body.putArray("tables");
        List<Definition> definitions = tables.definitions();
        definitions.forEach(d -> array.add(info(d)));
        ObjectNode page = body.putObject("page");
        page.put("pageNumber", 1);
        page.put("pageSize", definitions.size());
        page.put("totalElements", definitions.size());
        page.put("totalPages", 1);
        body.putArray("links").addObject().put("rel", "self").put("href", "/api/v1/statistics/tables");
        return body;
    }

    @GetMapping(path = "/tables/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One table's description")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StatisticsDocuments.TableInfo.class)))
    ObjectNode table(@PathVariable String id) {
        return info(definition(id));
    }

    @GetMapping(path = "/tables/{id}/metadata", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The table's variables and value codes as a JSON-stat 2.0 dataset without values")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StatisticsDocuments.JsonStatDataset.class)))
    ObjectNode metadata(@PathVariable String id) {
        Definition definition = definition(id);
        List<Table> released = released(definition);
        Table latest = released.getLast();
        return TableDocuments.jsonStat(
                new TableDocuments.Data(
                        definition,
                        List.copyOf(definition.codeList().regionLabels().keySet()),
                        definition.codeList().regionLabels(),
                        latest.cube().categories,
                        released,
                        TableDocuments.CONTENTS,
                        tables.threshold()),
                false);
    }

    @GetMapping(
            path = "/tables/{id}/data",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(
            summary = "Selected cells as JSON-stat 2.0 (default) or CSV",
            description = "Select with valuecodes[region], valuecodes[breakdown], valuecodes[period] and"
                    + " valuecodes[contents]: comma-separated codes or *. Defaults: the latest quarter, every region"
                    + " with participants, every breakdown, every content. Each period is served from its newest"
                    + " release; a release as first published stays readable under /api/v1/statistics/releases. 404"
                    + " before the table's first release.")
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
    ResponseEntity<?> data(
            @PathVariable String id,
            @RequestParam(defaultValue = "json-stat2") String outputFormat,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        boolean csv = TableDocuments.csvRequested(outputFormat);
        if (parameters.containsKey("knownAt")) {
            throw RuleViolation.invalid(
                    "knownAt",
                    "national tables are served as released; every release stays readable by its id under"
                            + " /api/v1/statistics/releases");
        }
        Definition definition = definition(id);
        Selection selection = Selection.parse(parameters);
        List<Table> released = released(definition);
        Map<String, Table> byPeriod = new java.util.LinkedHashMap<>();
        released.forEach(t -> byPeriod.put(t.period().code(), t));
        List<String> periodCodes = selection.of(
                "period",
                List.copyOf(byPeriod.keySet()),
                List.of(released.getLast().period().code()));
        if (periodCodes.size() > MAX_PERIODS) {
            throw RuleViolation.invalid("valuecodes[period]", "at most " + MAX_PERIODS + " periods per request");
        }
        List<Table> selected = periodCodes.stream().map(byPeriod::get).toList();
        RateCube last = selected.getLast().cube();
        TreeSet<Integer> years = new TreeSet<>();
        for (Table table : selected) {
            table.cube().categories.stream()
                    .filter(c -> c.matches("COHORT:\\d{4}"))
                    .forEach(c -> years.add(Integer.parseInt(c.substring(7))));
        }
        List<String> categories = Breakdowns.categories(years);
        TableDocuments.Data data = new TableDocuments.Data(
                definition,
                selection.of(
                        "region",
                        List.copyOf(definition.codeList().regionLabels().keySet()),
                        last.regions),
                definition.codeList().regionLabels(),
                selection.of("breakdown", categories, categories),
                selected,
                selection.of("contents", TableDocuments.CONTENTS, TableDocuments.CONTENTS),
                tables.threshold());
        if (csv) {
            return ResponseEntity.ok().contentType(TableDocuments.CSV_TYPE).body(TableDocuments.csv(data));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(TableDocuments.jsonStat(data, true));
    }

    private Definition definition(String id) {
        return tables.definition(id).orElseThrow(() -> RuleViolation.unknown("id", "no such table"));
    }

    /** The table from the newest release of each released period, oldest period first; 404 before the first. */
    private List<Table> released(Definition definition) {
        List<Release> current = releases.current(definition.codeList().country());
        if (current.isEmpty()) {
            throw RuleViolation.unknown("id", "the table has no release yet");
        }
        List<Table> released = new ArrayList<>();
        for (Release release : current) {
            java.time.Instant firstPublished = release.sequence() == 1
                    ? release.publishedAt()
                    : releases.of(release.country(), release.period())
                            .getFirst()
                            .publishedAt();
            ReleaseStore.Cells cells = releases.cells(release.id(), definition.id())
                    .orElseThrow(() -> new IllegalStateException(release.id() + " lacks " + definition.id()));
            released.add(new Table(
                    definition,
                    release.period(),
                    release.publishedAt(),
                    firstPublished,
                    cells.cube(definition.codeList()),
                    cells.status(),
                    cells.revision(),
                    release));
        }
        return released;
    }

    private ObjectNode info(Definition definition) {
        List<Quarter> periods = releases.current(definition.codeList().country()).stream()
                .map(Release::period)
                .toList();
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("type", "Table");
        info.put("id", definition.id());
        info.put(
                "label",
                definition.measure().label() + ", " + definition.codeList().countryName());
        info.put("description", definition.measure().definitionVersion());
        if (!periods.isEmpty()) {
            info.put("firstPeriod", periods.getFirst().code());
            info.put("lastPeriod", periods.getLast().code());
        }
        info.put("timeUnit", "Quarterly");
        info.put("category", "public");
        info.put("discontinued", false);
        info.put("source", "Housing First outcomes platform (outcomes-service)");
        var names = info.putArray("variableNames");
        Selection.DIMENSIONS.forEach(names::add);
        var links = info.putArray("links");
        String base = "/api/v1/statistics/tables/" + definition.id();
        links.addObject().put("rel", "self").put("href", base);
        links.addObject().put("rel", "metadata").put("href", base + "/metadata");
        links.addObject().put("rel", "data").put("href", base + "/data");
        return info;
    }
}
