package org.housingfirst.outcomes.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.outcomes.statistics.NationalTables.Definition;
import org.housingfirst.outcomes.statistics.PxDocuments.CodeListResponse;
import org.housingfirst.outcomes.statistics.PxDocuments.Link;
import org.housingfirst.outcomes.statistics.PxDocuments.VariableSelection;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.node.ObjectNode;

/**
 * National statistics as PxWebApi 2.0 serves them, for R's pxweb and PxWebApiData, pyjstat, the JSON-stat toolkit and
 * Excel: {@code /config}, {@code /tables} with search and paging, a table's JSON-stat 2.0 metadata, its default
 * selection, the region variable's value sets under {@code /codelists}, and its data by GET or by POST with a
 * selection, as JSON-stat 2.0, CSV, xlsx or PC-Axis, in English, Swedish or Norwegian Bokmål.
 *
 * <p>Released, disclosure-controlled tables are public when {@code platform.security.public-statistics} is on (the
 * default); completed quarters not yet released are provisional and only the roles that read statistics (national,
 * analyst, reporter) see them: asked for without a token, they are a 401. Limits as {@code /config} states them:
 * {@code maxDataCells} per request (a 403 beyond), {@code maxCallsPerTimeWindow} per client ({@link PxRateLimit}, a
 * 429). Where the specification is silent, this follows PxTools/PxWebApi: bad selections are 400s naming the
 * parameter.
 */
@RestController
@RequestMapping("/api/v2")
@Tag(
        name = "statistics (PxWebApi 2.0)",
        description = "National statistics in PxWebApi 2.0: JSON-stat 2.0, CSV, xlsx, PC-Axis")
class PxWebApiController {

    static final List<String> FORMATS = List.of("json-stat2", "csv", "xlsx", "px");
    private static final Set<String> STATISTICS_ROLES = Set.of("ROLE_NATIONAL", "ROLE_ANALYST", "ROLE_REPORTER");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType PX = new MediaType("application", "octet-stream");
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 1000;

    private final PxTables tables;
    private final StatisticsProperties properties;
    private final Clock clock;

    PxWebApiController(PxTables tables, StatisticsProperties properties, Clock clock) {
        this.tables = tables;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(path = "/config", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The API's languages, output formats and limits")
    PxDocuments.Config config() {
        return new PxDocuments.Config(
                "2.0",
                appVersion(),
                StatisticsTexts.LANGUAGE_ORDER.stream()
                        .map(id -> new PxDocuments.Language(id, StatisticsTexts.LANGUAGES.get(id)))
                        .toList(),
                properties.defaultLanguage(),
                properties.maxDataCells(),
                properties.maxCallsPerTimeWindow(),
                properties.timeWindow(),
                properties.license(),
                StatisticsTexts.LANGUAGE_ORDER.stream()
                        .map(id -> new PxDocuments.SourceReference(
                                id, StatisticsTexts.of(id).get("source")))
                        .toList(),
                "json-stat2",
                FORMATS,
                List.of(new PxDocuments.Feature("CORS", List.of(new PxDocuments.KeyValue("enabled", "false")))));
    }

    @GetMapping(path = "/tables", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The tables, searched and paged",
            description = "query: words that must each occur in the id, title or description (any case). pastDays:"
                    + " only tables updated in the last n days. pageSize 1-" + MAX_PAGE_SIZE + ", default "
                    + DEFAULT_PAGE_SIZE + ". Periods are those the caller may read.")
    PxDocuments.TablesResponse list(
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String query,
            @RequestParam(required = false) Integer pastDays,
            @RequestParam(defaultValue = "false") boolean includeDiscontinued,
            @RequestParam(defaultValue = "1") int pageNumber,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int pageSize) {
        StatisticsTexts texts = texts(lang);
        if (pageNumber < 1) {
            throw RuleViolation.malformed("pageNumber", "must be 1 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw RuleViolation.malformed("pageSize", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (pastDays != null && pastDays < 1) {
            throw RuleViolation.malformed("pastDays", "must be 1 or more");
        }
        boolean provisional = readsStatistics();
        List<String> words = query == null || query.isBlank()
                ? List.of()
                : List.of(query.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        Instant since = pastDays == null ? null : clock.instant().minus(Duration.ofDays(pastDays));
        List<PxDocuments.Table> found = new ArrayList<>();
        PxTables.Catalogue catalogue = tables.catalogue();
        for (Definition definition : tables.definitions()) {
            PxDocuments.Table table = table(catalogue, definition, texts, provisional, false);
            String text = (table.id() + " " + table.label() + " " + table.description()).toLowerCase(Locale.ROOT);
            boolean matches = words.stream().allMatch(text::contains);
            boolean recent = since == null
                    || (table.updated() != null
                            && !Instant.parse(table.updated()).isBefore(since));
            if (matches && recent) {
                found.add(table);
            }
        }
        int totalPages = Math.max(1, (found.size() + pageSize - 1) / pageSize);
        if (pageNumber > totalPages) {
            throw RuleViolation.malformed("pageNumber", "there are " + totalPages + " pages");
        }
        List<PxDocuments.Table> page = found.subList(
                Math.min(found.size(), (pageNumber - 1) * pageSize), Math.min(found.size(), pageNumber * pageSize));
        String base = "/tables?lang=" + texts.language() + (query == null ? "" : "&query=" + encode(query))
                + (pastDays == null ? "" : "&pastDays=" + pastDays) + "&pageSize=" + pageSize + "&pageNumber=";
        List<Link> pageLinks = new ArrayList<>();
        if (pageNumber > 1) {
            pageLinks.add(link("previous", texts, base + (pageNumber - 1)));
        }
        if (pageNumber < totalPages) {
            pageLinks.add(link("next", texts, base + (pageNumber + 1)));
        }
        pageLinks.add(link("last", texts, base + totalPages));
        return new PxDocuments.TablesResponse(
                texts.language(),
                page,
                new PxDocuments.PageInfo(pageNumber, pageSize, found.size(), totalPages, pageLinks),
                List.of(link("self", texts, base + pageNumber)));
    }

    @GetMapping(path = "/tables/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One table's description")
    PxDocuments.Table table(@PathVariable String id, @RequestParam(required = false) String lang) {
        return table(tables.catalogue(), tables.definition(id), texts(lang), readsStatistics(), true);
    }

    @GetMapping(path = "/tables/{id}/metadata", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The table's variables and values as a JSON-stat 2.0 dataset whose values are all missing",
            description = "value is an empty object, JSON-stat's sparse form. Each dimension's extension says whether"
                    + " it may be eliminated and, for region, its value sets (codelist[region]=vs_SE_county). With"
                    + " defaultSelection=true the values are those of the default selection.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StatisticsDocuments.JsonStatMetadata.class)))
    ObjectNode metadata(
            @PathVariable String id,
            @RequestParam(required = false) String lang,
            @RequestParam(defaultValue = "json-stat2") String outputFormat,
            @RequestParam(defaultValue = "false") boolean defaultSelection,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        if (!outputFormat.equals("json-stat2")) {
            throw RuleViolation.malformed("outputFormat", "metadata is served as json-stat2");
        }
        StatisticsTexts texts = texts(lang);
        PxTables.View view = view(tables.catalogue(), tables.definition(id));
        List<PxVariable> variables = tables.variables(view, texts);
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, List<String>> defaults = defaultSelection ? tables.defaultSelection(view, variables) : Map.of();
        PxSelection codeLists = PxSelection.fromQuery(codeListsOnly(parameters));
        for (PxVariable variable : variables) {
            values.put(variable.code(), defaults.getOrDefault(variable.code(), variable.values()));
        }
        if (!codeLists.isEmpty()) {
            // a value set narrows its variable's values; the others keep theirs
            Map<String, List<String>> narrowed =
                    PxSelection.of(withAll(parameters, variables)).resolve(variables);
            for (PxVariable variable : variables) {
                if (codeLists.codeList(variable.code()) != null) {
                    List<String> kept = values.get(variable.code());
                    values.put(
                            variable.code(),
                            narrowed.get(variable.code()).stream()
                                    .filter(kept::contains)
                                    .toList());
                }
            }
        }
        ObjectNode dataset = TableDocuments.jsonStat(tables.data(view, values, texts), false);
        PxMetadata.extend(
                dataset,
                view,
                variables,
                texts,
                link("data", texts, "/tables/" + view.definition().id() + "/data")
                        .href());
        return dataset;
    }

    @GetMapping(path = "/tables/{id}/defaultselection", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The selection a data request without one gets")
    PxDocuments.SelectionResponse defaultSelection(
            @PathVariable String id, @RequestParam(required = false) String lang) {
        StatisticsTexts texts = texts(lang);
        PxTables.View view = view(tables.catalogue(), tables.definition(id));
        Map<String, List<String>> defaults = tables.defaultSelection(view, tables.variables(view, texts));
        List<VariableSelection> selection = new ArrayList<>();
        defaults.forEach((variable, codes) -> selection.add(new VariableSelection(variable, null, codes)));
        return new PxDocuments.SelectionResponse(
                texts.language(),
                selection,
                new PxDocuments.Placement(List.of("contents"), List.of("region", "breakdown", "period")),
                List.of(link("self", texts, "/tables/" + view.definition().id() + "/defaultselection")));
    }

    @GetMapping(path = "/codelists/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A value set of the region variable: a country's country, counties or municipalities")
    CodeListResponse codeList(@PathVariable String id, @RequestParam(required = false) String lang) {
        StatisticsTexts texts = texts(lang);
        CodeList list = tables.codeListOwner(id).orElseThrow(() -> RuleViolation.unknown("id", "no such code list"));
        String canonical = PxTables.codeLists(list).keySet().stream()
                .filter(k -> k.equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow();
        List<PxDocuments.ValueMap> values = PxTables.codeLists(list).get(canonical).stream()
                .map(code -> new PxDocuments.ValueMap(code, texts.region(list, code), List.of(code)))
                .toList();
        return new CodeListResponse(
                canonical,
                PxTables.codeListLabel(list, canonical, texts),
                texts.language(),
                StatisticsTexts.LANGUAGE_ORDER,
                false,
                null,
                "Valueset",
                values,
                List.of(link("self", texts, "/codelists/" + canonical)));
    }

    @GetMapping(
            path = "/tables/{id}/data",
            produces = {
                MediaType.APPLICATION_JSON_VALUE,
                "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/octet-stream"
            })
    @Operation(
            summary = "Selected cells: JSON-stat 2.0 (default), CSV, xlsx or PC-Axis",
            description = "Select with valuecodes[variable]=codes or expressions (*, 12*, ?, top(n), bottom(n),"
                    + " from(c), to(c), range(c1,c2)) and codelist[region]=vs_SE_county. period and contents must be"
                    + " selected; region and breakdown, left out, are the country and TOTAL. Without any selection,"
                    + " the default selection. outputFormatParams: UseCodes, UseTexts, UseCodesAndTexts, IncludeTitle,"
                    + " SeparatorTab, SeparatorSpace, SeparatorSemicolon, and DecimalComma (an extension: a decimal"
                    + " comma and a byte-order mark, for Swedish and Norwegian Excel).")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = StatisticsDocuments.JsonStatDataset.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))
            })
    ResponseEntity<?> data(
            @PathVariable String id,
            @RequestParam(required = false) String lang,
            @RequestParam(defaultValue = "json-stat2") String outputFormat,
            @RequestParam(required = false) List<String> outputFormatParams,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        if (parameters.containsKey("knownAt")) {
            throw RuleViolation.malformed(
                    "knownAt",
                    "tables are served as released; every release stays readable by its id under"
                            + " /api/v1/statistics/releases");
        }
        return answer(id, lang, outputFormat, outputFormatParams, PxSelection.fromQuery(parameters));
    }

    @PostMapping(
            path = "/tables/{id}/data",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {
                MediaType.APPLICATION_JSON_VALUE,
                "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/octet-stream"
            })
    @Operation(
            summary = "Selected cells, the selection in the body as PxWebApi 2.0's VariablesSelection",
            description = "The same selection rules and formats as the GET. placement is accepted and not applied:"
                    + " every format has region, breakdown and period down the side and contents across.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = StatisticsDocuments.JsonStatDataset.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))
            })
    ResponseEntity<?> dataByPost(
            @PathVariable String id,
            @RequestParam(required = false) String lang,
            @RequestParam(defaultValue = "json-stat2") String outputFormat,
            @RequestParam(required = false) List<String> outputFormatParams,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
            @Valid @RequestBody PxDocuments.VariablesSelection body) {
        // R's pxweb sends a variable's code list as codelist[variable] in the URL, beside the body
        PxSelection inQuery = PxSelection.fromQuery(codeListsOnly(parameters));
        List<PxSelection.Variable> selection = body.selection().stream()
                .map(s -> new PxSelection.Variable(
                        s.variableCode(),
                        s.codeList() != null ? s.codeList() : inQuery.codeList(s.variableCode()),
                        s.valueCodes()))
                .toList();
        if (selection.isEmpty()) {
            throw RuleViolation.malformed("selection", "select at least the variables that cannot be eliminated");
        }
        return answer(id, lang, outputFormat, outputFormatParams, PxSelection.of(selection));
    }

    private ResponseEntity<?> answer(
            String id, String lang, String outputFormat, List<String> formatParams, PxSelection selection) {
        StatisticsTexts texts = texts(lang);
        if (!FORMATS.contains(outputFormat)) {
            throw RuleViolation.malformed("outputFormat", "must be one of " + FORMATS);
        }
        FormatParams format = FormatParams.parse(outputFormat, formatParams);
        Definition definition = tables.definition(id);
        PxTables.Catalogue catalogue = tables.catalogue();
        guardProvisional(catalogue, definition, selection);
        PxTables.View view = view(catalogue, definition);
        List<PxVariable> variables = tables.variables(view, texts);
        Map<String, List<String>> selected =
                selection.isEmpty() ? tables.defaultSelection(view, variables) : selection.resolve(variables);
        long cells = selected.values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
        if (cells > properties.maxDataCells()) {
            throw RuleViolation.overLimit(
                    "selection",
                    "the selection has " + cells + " cells; at most " + properties.maxDataCells()
                            + " per request: select fewer values or split the request");
        }
        TableDocuments.Data data = tables.data(view, selected, texts);
        String file = definition.id() + "_" + texts.language();
        return switch (outputFormat) {
            case "csv" -> {
                String csv = TableDocuments.csv(data, format.csv());
                yield ResponseEntity.ok()
                        .contentType(TableDocuments.CSV_TYPE)
                        .body(format.excel() ? "\uFEFF" + csv : csv);
            }
            case "xlsx" ->
                ResponseEntity.ok()
                        .contentType(XLSX)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(file + ".xlsx"))
                        .body(PxFormats.xlsx(data, format.codes(), format.labels(), format.title()));
            case "px" ->
                ResponseEntity.ok()
                        .contentType(PX)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(file + ".px"))
                        .body(PxFormats.px(data));
            default ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(TableDocuments.jsonStat(data, true));
        };
    }

    /** The output format's parameters, checked as PxWebApi 2.0 lists them, plus DecimalComma. */
    record FormatParams(boolean codes, boolean labels, boolean title, char separator, boolean excel) {

        private static final List<String> KNOWN = List.of(
                "UseCodes",
                "UseTexts",
                "UseCodesAndTexts",
                "IncludeTitle",
                "SeparatorTab",
                "SeparatorSpace",
                "SeparatorSemicolon",
                "DecimalComma");

        static FormatParams parse(String format, List<String> params) {
            List<String> given = params == null
                    ? List.of()
                    : params.stream()
                            .flatMap(p -> java.util.Arrays.stream(p.split(",")))
                            .map(String::trim)
                            .filter(p -> !p.isEmpty())
                            .toList();
            for (String param : given) {
                if (KNOWN.stream().noneMatch(k -> k.equalsIgnoreCase(param))) {
                    throw RuleViolation.malformed("outputFormatParams", "must be among " + KNOWN);
                }
            }
            java.util.function.Predicate<String> has = name -> given.stream().anyMatch(name::equalsIgnoreCase);
            long naming = KNOWN.subList(0, 3).stream().filter(has).count();
            long separators = KNOWN.subList(4, 7).stream().filter(has).count();
            if (naming > 1 || separators > 1) {
                throw RuleViolation.malformed(
                        "outputFormatParams", "at most one of UseCodes, UseTexts, UseCodesAndTexts and one separator");
            }
            boolean tabular = format.equals("csv") || format.equals("xlsx");
            if ((naming > 0 || has.test("IncludeTitle")) && !tabular) {
                throw RuleViolation.malformed(
                        "outputFormatParams",
                        "UseCodes, UseTexts, UseCodesAndTexts and IncludeTitle apply to csv and xlsx");
            }
            if ((separators > 0 || has.test("DecimalComma")) && !format.equals("csv")) {
                throw RuleViolation.malformed("outputFormatParams", "separators and DecimalComma apply to csv");
            }
            char separator = has.test("SeparatorTab")
                    ? '\t'
                    : has.test("SeparatorSpace") ? ' ' : has.test("SeparatorSemicolon") ? ';' : ',';
            if (has.test("DecimalComma") && separator == ',') {
                throw RuleViolation.malformed(
                        "outputFormatParams", "DecimalComma needs another separator, such as SeparatorSemicolon");
            }
            return new FormatParams(
                    !has.test("UseTexts"),
                    !has.test("UseCodes"),
                    has.test("IncludeTitle"),
                    separator,
                    has.test("DecimalComma"));
        }

        TableDocuments.CsvOptions csv() {
            return new TableDocuments.CsvOptions(separator, excel ? ',' : '.', codes, labels, title);
        }
    }

    /** A selection naming a provisional quarter: 401 without a token, 403 for a role that does not read statistics. */
    private void guardProvisional(PxTables.Catalogue catalogue, Definition definition, PxSelection selection) {
        if (readsStatistics()) {
            return;
        }
        for (String code : selection.codes("period")) {
            if (tables.provisional(catalogue, definition, code)) {
                refuseProvisional();
            }
        }
    }

    private PxTables.View view(PxTables.Catalogue catalogue, Definition definition) {
        boolean provisional = readsStatistics();
        PxTables.View view = tables.view(catalogue, definition, provisional);
        if (view.isEmpty()) {
            // nothing released yet: what there is, is provisional
            if (!provisional && tables.hasUnreleased(catalogue, definition)) {
                refuseProvisional();
            }
            throw RuleViolation.unknown("id", "the table has no release yet");
        }
        return view;
    }

    private static void refuseProvisional() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String message = "provisional figures, of quarters not yet released, are for the roles that read statistics";
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException(message);
        }
        throw new AccessDeniedException(message);
    }

    private PxDocuments.Table table(
            PxTables.Catalogue catalogue,
            Definition definition,
            StatisticsTexts texts,
            boolean provisional,
            boolean alone) {
        List<String> periods = tables.periods(catalogue, definition, provisional);
        Instant updated = tables.updated(catalogue, definition, provisional);
        String base = "/tables/" + definition.id();
        return new PxDocuments.Table(
                alone ? texts.language() : null,
                "Table",
                definition.id(),
                texts.title(definition),
                definition.measure().definitionVersion(),
                updated == null ? null : updated.toString(),
                periods.isEmpty() ? null : periods.getFirst(),
                periods.isEmpty() ? null : periods.getLast(),
                "public",
                TableDocuments.DIMENSIONS,
                false,
                texts.get("source"),
                "HF",
                "Quarterly",
                List.of(),
                List.of(List.of(new PxDocuments.PathElement("HF", texts.get("subject")))),
                List.of(
                        link("self", texts, base),
                        link("metadata", texts, base + "/metadata"),
                        link("data", texts, base + "/data")));
    }

    private StatisticsTexts texts(String lang) {
        return StatisticsTexts.of(lang == null ? properties.defaultLanguage() : lang);
    }

    private static Link link(String rel, StatisticsTexts texts, String path) {
        String href = ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/v2")
                        .build()
                        .toUriString()
                + path
                + (path.contains("?") ? "" : "?lang=" + texts.language());
        return new Link(rel, texts.language(), href);
    }

    private static String attachment(String file) {
        return ContentDisposition.attachment().filename(file).build().toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether the caller holds a role that reads statistics, and so may see provisional figures. */
    static boolean readsStatistics() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null
                && caller.isAuthenticated()
                && caller.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(STATISTICS_ROLES::contains);
    }

    /** The {@code codelist[...]} and {@code outputValues[...]} parameters of a request. */
    private static Map<String, String> codeListsOnly(Map<String, String> parameters) {
        Map<String, String> only = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("codelist[") || lower.startsWith("outputvalues[")) {
                only.put(name, value);
            }
        });
        return only;
    }

    /** The metadata's code lists as a selection of every value in each list, and of every value elsewhere. */
    private static List<PxSelection.Variable> withAll(Map<String, String> parameters, List<PxVariable> variables) {
        Map<String, String> lists = new LinkedHashMap<>();
        codeListsOnly(parameters).forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("codelist[")) {
                lists.put(name.substring(9, name.length() - 1).toLowerCase(Locale.ROOT), value);
            }
        });
        List<PxSelection.Variable> all = new ArrayList<>();
        for (PxVariable variable : variables) {
            all.add(new PxSelection.Variable(
                    variable.code(), lists.remove(variable.code().toLowerCase(Locale.ROOT)), List.of("*")));
        }
        if (!lists.isEmpty()) {
            throw RuleViolation.malformed(
                    "codelist[" + lists.keySet().iterator().next() + "]", "no such variable");
        }
        return all;
    }

    private static String appVersion() {
        String version = PxWebApiController.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
