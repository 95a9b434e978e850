package org.housingfirst.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The PxWebApi 2.0 specification's rules for each response (PxTools/PxApiSpecs, PxAPI-2.yml: ConfigResponse,
 * TablesResponse, Table, PageInfo, Link, Dataset), written out as checks: required members, their types and ranges,
 * and the JSON-stat 2.0 rules the Dataset schema refers to.
 */
public final class PxWebApiSpec {

    private static final Set<String> OUTPUT_FORMATS =
            Set.of("px", "json-stat2", "csv", "xlsx", "html", "json-px", "parquet");
    private static final Set<String> TIME_UNITS = Set.of("Annual", "Quarterly", "Monthly", "Weekly", "Other");
    private static final Set<String> CATEGORIES = Set.of("internal", "public", "private", "section");

    private PxWebApiSpec() {}

    /** ConfigResponse: every required member, counts in range, formats from the specification's list. */
    public static void config(JsonNode config) {
        for (String member : List.of(
                "apiVersion",
                "appVersion",
                "languages",
                "defaultLanguage",
                "maxDataCells",
                "maxCallsPerTimeWindow",
                "timeWindow",
                "license",
                "defaultDataFormat",
                "dataFormats")) {
            assertThat(config.has(member)).as("ConfigResponse." + member).isTrue();
        }
        assertThat(config.get("apiVersion").isString()).isTrue();
        assertThat(config.get("languages").isArray()).isTrue();
        config.get("languages").forEach(language -> {
            assertThat(language.get("id").isString()).as("Language.id").isTrue();
            assertThat(language.get("label").isString()).as("Language.label").isTrue();
        });
        assertThat(config.get("languages").valueStream().map(l -> l.get("id").asString()))
                .contains(config.get("defaultLanguage").asString());
        assertThat(config.get("maxDataCells").isIntegralNumber()).isTrue();
        assertThat(config.get("maxDataCells").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(config.get("maxCallsPerTimeWindow").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(config.get("timeWindow").asInt()).isGreaterThanOrEqualTo(1);
        config.get("dataFormats").forEach(format -> assertThat(OUTPUT_FORMATS).contains(format.asString()));
        assertThat(config.get("dataFormats").valueStream().map(JsonNode::asString))
                .contains(config.get("defaultDataFormat").asString());
        if (config.has("sourceReferences")) {
            config.get("sourceReferences").forEach(reference -> {
                assertThat(reference.get("language").isString()).isTrue();
                assertThat(reference.get("text").isString()).isTrue();
            });
        }
        if (config.has("features")) {
            config.get("features")
                    .forEach(feature -> assertThat(feature.get("id").isString()).isTrue());
        }
    }

    /** TablesResponse: language, tables (each a Table), page (PageInfo). */
    public static void tables(JsonNode response) {
        assertThat(response.get("language").isString())
                .as("TablesResponse.language")
                .isTrue();
        assertThat(response.get("tables").isArray()).as("TablesResponse.tables").isTrue();
        response.get("tables").forEach(PxWebApiSpec::table);
        JsonNode page = response.get("page");
        for (String member : List.of("pageNumber", "pageSize", "totalElements", "totalPages")) {
            assertThat(page.get(member).isIntegralNumber())
                    .as("PageInfo." + member)
                    .isTrue();
        }
        assertThat(page.get("pageNumber").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("pageSize").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("totalElements").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(page.get("totalPages").asInt()).isGreaterThanOrEqualTo(1);
        links(page.path("links"));
        links(response.path("links"));
    }

    /** Table (and TableResponse, with language): the FolderContentItem members and the Table's required ones. */
    public static void table(JsonNode table) {
        assertThat(table.get("type").asString()).isEqualTo("Table");
        assertThat(table.get("id").isString()).isTrue();
        assertThat(table.get("label").isString() || table.get("label").isNull()).isTrue();
        for (String member : List.of("updated", "firstPeriod", "lastPeriod", "variableNames", "links")) {
            assertThat(table.has(member)).as("Table." + member).isTrue();
        }
        if (!table.get("updated").isNull()) {
            assertThat(java.time.Instant.parse(table.get("updated").asString())).isNotNull();
        }
        assertThat(table.get("variableNames").isArray()).isTrue();
        if (table.has("timeUnit")) {
            assertThat(TIME_UNITS).contains(table.get("timeUnit").asString());
        }
        if (table.has("category")) {
            assertThat(CATEGORIES).contains(table.get("category").asString());
        }
        if (table.has("discontinued") && !table.get("discontinued").isNull()) {
            assertThat(table.get("discontinued").isBoolean()).isTrue();
        }
        links(table.get("links"));
    }

    /** Link: rel, hreflang and href, all required. */
    public static void links(JsonNode links) {
        if (links.isMissingNode() || links.isNull()) {
            return;
        }
        assertThat(links.isArray()).isTrue();
        links.forEach(link -> {
            assertThat(link.get("rel").isString()).as("Link.rel").isTrue();
            assertThat(link.get("hreflang").isString()).as("Link.hreflang").isTrue();
            assertThat(link.get("href").isString()).as("Link.href").isTrue();
        });
    }

    /**
     * Dataset: version 2.0, class dataset, id and size of equal length, a dimension per id with as many categories as
     * its size (index as code to position), value present and not null (an array of size product, or an object of
     * positions), status keyed by positions; role names only dimensions of id; the members the schema allows.
     */
    public static void dataset(JsonNode dataset) {
        Set<String> allowed = Set.of(
                "version",
                "class",
                "href",
                "label",
                "source",
                "updated",
                "link",
                "note",
                "role",
                "id",
                "size",
                "dimension",
                "extension",
                "value",
                "status");
        dataset.propertyNames()
                .forEach(name -> assertThat(allowed).as("Dataset member").contains(name));
        assertThat(dataset.get("version").asString()).isEqualTo("2.0");
        assertThat(dataset.get("class").asString()).isEqualTo("dataset");
        JsonNode ids = dataset.get("id");
        JsonNode size = dataset.get("size");
        assertThat(ids.size()).isEqualTo(size.size());
        assertThat(ids.valueStream().map(JsonNode::asString).distinct().count()).isEqualTo(ids.size());
        long cells = 1;
        for (int i = 0; i < ids.size(); i++) {
            JsonNode dimension = dataset.get("dimension").get(ids.get(i).asString());
            assertThat(dimension).as("dimension " + ids.get(i)).isNotNull();
            dimension
                    .propertyNames()
                    .forEach(name -> assertThat(Set.of("label", "note", "category", "extension", "link"))
                            .contains(name));
            JsonNode index = dimension.get("category").get("index");
            assertThat(index.size()).isEqualTo(size.get(i).asInt());
            index.properties().forEach(e -> assertThat(e.getValue().asInt()).isBetween(0, index.size() - 1));
            dimension
                    .get("category")
                    .propertyNames()
                    .forEach(name -> assertThat(Set.of("index", "label", "note", "child", "unit", "coordinates"))
                            .contains(name));
            cells *= size.get(i).asInt();
        }
        JsonNode value = dataset.get("value");
        assertThat(value).as("value is required").isNotNull();
        assertThat(value.isNull()).as("value is not null").isFalse();
        if (value.isArray()) {
            assertThat((long) value.size()).isEqualTo(cells);
            value.forEach(v -> assertThat(v.isNull() || v.isNumber()).isTrue());
        } else {
            assertThat(value.isObject()).isTrue();
            long total = cells;
            value.propertyNames().forEach(p -> assertThat(Long.parseLong(p)).isBetween(0L, total - 1));
        }
        if (dataset.has("status")) {
            long total = cells;
            dataset.get("status")
                    .propertyNames()
                    .forEach(p -> assertThat(Long.parseLong(p)).isBetween(0L, total - 1));
        }
        if (dataset.has("role")) {
            dataset.get("role").properties().forEach(role -> {
                assertThat(Set.of("time", "geo", "metric")).contains(role.getKey());
                role.getValue()
                        .forEach(id -> assertThat(ids.valueStream().map(JsonNode::asString))
                                .contains(id.asString()));
            });
        }
        if (dataset.has("updated")) {
            assertThat(dataset.get("updated").asString()).matches("^(19|20)\\d\\d-\\d\\d-\\d\\d.*");
        }
    }
}
