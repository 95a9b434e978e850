package org.housingfirst.outcomes.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.housingfirst.outcomes.statistics.DisclosureControl.Status;
import org.housingfirst.outcomes.statistics.NationalTables.Table;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes national tables as JSON-stat 2.0 datasets and as CSV. Cells are (region, breakdown, period) with three
 * contents: numerator, denominator and rate in percent. Status symbols: ":" suppressed, "." no participants (rate
 * only), "r" revised since the period's first release ("p", provisional, only in a table computed before its first
 * release, which is never served).
 */
final class TableDocuments {

    static final List<String> CONTENTS = List.of("numerator", "denominator", "rate");
    static final org.springframework.http.MediaType CSV_TYPE =
            new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SOURCE = "Housing First outcomes platform (outcomes-service)";

    private TableDocuments() {}

    /** The data of the selected cells; {@code tables} holds one table per selected period, in order. */
    record Data(
            NationalTables.Definition definition,
            List<String> regions,
            Map<String, String> regionLabels,
            List<String> categories,
            List<Table> tables,
            List<String> contents,
            int k) {

        int size() {
            return regions.size() * categories.size() * tables.size() * contents.size();
        }

        /** The value and status of one position, or null value for a hidden or undefined one. */
        Object[] cell(int region, int category, int period, int content) {
            Table table = tables.get(period);
            RateCube cube = table.cube();
            int r = cube.regionIndex(regions.get(region));
            int c = cube.categoryIndex(categories.get(category));
            String contentCode = contents.get(content);
            if (r < 0 || c < 0) {
                return contentCode.equals("rate") ? new Object[] {null, "."} : new Object[] {0L, null};
            }
            int cell = cube.cell(r, c);
            Status status = table.status()[cell];
            if (status.suppressed()) {
                return new Object[] {null, ":"};
            }
            long numerator = cube.numerators[cell];
            long denominator = cube.denominators[cell];
            Object value = switch (contentCode) {
                case "numerator" -> numerator;
                case "denominator" -> denominator;
                default ->
                    denominator == 0
                            ? null
                            : BigDecimal.valueOf(1000L * numerator)
                                    .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                                    .movePointLeft(1);
            };
            String symbol = value == null ? "." : table.revision()[cell];
            return new Object[] {value, symbol};
        }
    }

    /** Whether {@code outputFormat} asks for CSV; JSON-stat 2.0 otherwise, and a 422 for anything else. */
    static boolean csvRequested(String outputFormat) {
        if (!outputFormat.equals("json-stat2") && !outputFormat.equals("csv")) {
            throw org.housingfirst.domain.RuleViolation.invalid("outputFormat", "must be json-stat2 or csv");
        }
        return outputFormat.equals("csv");
    }

    /** The whole of one table: every region with participants, every breakdown and every content. */
    static Data whole(Table table, int k) {
        return new Data(
                table.definition(),
                table.cube().regions,
                table.definition().codeList().regionLabels(),
                table.cube().categories,
                List.of(table),
                CONTENTS,
                k);
    }

    static ObjectNode jsonStat(Data data, boolean withValues) {
        ObjectNode dataset = NODES.objectNode();
        dataset.put("version", "2.0");
        dataset.put("class", "dataset");
        dataset.put(
                "label",
                data.definition().measure().label() + ", "
                        + data.definition().codeList().countryName());
        dataset.put("source", SOURCE);
        Instant updated = data.tables().stream()
                .map(Table::knownAt)
                .max(Instant::compareTo)
                .orElseThrow();
        dataset.put("updated", updated.toString());
        ArrayNode ids = dataset.putArray("id");
        Selection.DIMENSIONS.forEach(ids::add);
        ArrayNode size = dataset.putArray("size");
        size.add(data.regions().size());
        size.add(data.categories().size());
        size.add(data.tables().size());
        size.add(data.contents().size());
        ObjectNode role = dataset.putObject("role");
        role.putArray("geo").add("region");
        role.putArray("time").add("period");
        role.putArray("metric").add("contents");
        ObjectNode dimension = dataset.putObject("dimension");
        category(dimension, "region", "region", data.regions(), data.regionLabels()::get);
        category(dimension, "breakdown", "breakdown", data.categories(), Breakdowns::label);
        category(
                dimension,
                "period",
                "quarter (reference date: its last day)",
                data.tables().stream().map(t -> t.period().code()).toList(),
                code -> code.replace("Q", " Q"));
        ObjectNode contents =
                category(dimension, "contents", "contents", data.contents(), TableDocuments::contentLabel);
        ObjectNode units = ((ObjectNode) contents.get("category")).putObject("unit");
        for (String content : data.contents()) {
            ObjectNode unit = units.putObject(content);
            unit.put("label", content.equals("rate") ? "percent" : "persons");
            unit.put("decimals", content.equals("rate") ? 1 : 0);
        }
        if (withValues) {
            ArrayNode values = dataset.putArray("value");
            ObjectNode status = NODES.objectNode();
            int position = 0;
            for (int r = 0; r < data.regions().size(); r++) {
                for (int c = 0; c < data.categories().size(); c++) {
                    for (int p = 0; p < data.tables().size(); p++) {
                        for (int x = 0; x < data.contents().size(); x++) {
                            Object[] cell = data.cell(r, c, p, x);
                            switch (cell[0]) {
                                case null -> values.addNull();
                                case Long count -> values.add(count);
                                case BigDecimal rate -> values.add(rate);
                                default -> throw new IllegalStateException();
                            }
                            if (cell[1] != null) {
                                status.put(String.valueOf(position), (String) cell[1]);
                            }
                            position++;
                        }
                    }
                }
            }
            dataset.set("status", status);
        } else {
            dataset.putNull("value");
        }
        ArrayNode notes = dataset.putArray("note");
        notes.add("Unit: the person. A person housed in several municipalities counts once, with one housing history"
                + " across them, in the municipality of their first move-in; people known only by a local case"
                + " reference count once per organisation.");
        notes.add("Rates whose denominator, numerator or complement is below " + data.k()
                + " are suppressed (:), and further cells so that none can be derived by subtraction, nor by a"
                + " municipality that adds its own counts, nor with settled cohort cells of other quarters' releases;"
                + " in a revision, so are cells that changed by fewer than " + data.k() + " persons since an earlier"
                + " release.");
        notes.add("Participants who withdrew consent for national statistics are left out.");
        notes.add("Each period is served from its newest release; a release never changes, and a revision is a new"
                + " release. r: revised since the period's first release.");
        ObjectNode extension = dataset.putObject("extension");
        extension.put("tableId", data.definition().id());
        extension.put("definitionVersion", data.definition().measure().definitionVersion());
        extension.put("disclosurePolicy", DisclosureControl.policy(data.k()));
        extension.put("codeListVersion", data.definition().codeList().version());
        extension.put("codeListSource", data.definition().codeList().source());
        ObjectNode releases = extension.putObject("firstRelease");
        ObjectNode unlisted = extension.putObject("unlistedParticipations");
        ObjectNode release = NODES.objectNode();
        for (Table table : data.tables()) {
            releases.put(table.period().code(), table.firstRelease().toString());
            unlisted.put(table.period().code(), table.cube().unlisted);
            if (table.release() != null) {
                ObjectNode frozen = release.putObject(table.period().code());
                frozen.put("id", table.release().id());
                frozen.put("sequence", table.release().sequence());
                frozen.put("published", table.release().publishedAt().toString());
                frozen.put("note", table.release().note());
            }
        }
        if (!release.isEmpty()) {
            extension.set("release", release);
        }
        return dataset;
    }

    static String csv(Data data) {
        StringBuilder csv = new StringBuilder("region,region_label,breakdown,breakdown_label,period");
        data.contents().forEach(content -> csv.append(',').append(content));
        csv.append(",status\r\n");
        for (int r = 0; r < data.regions().size(); r++) {
            for (int c = 0; c < data.categories().size(); c++) {
                for (int p = 0; p < data.tables().size(); p++) {
                    String region = data.regions().get(r);
                    String category = data.categories().get(c);
                    csv.append(region)
                            .append(',')
                            .append(quote(data.regionLabels().get(region)));
                    csv.append(',').append(category).append(',').append(quote(Breakdowns.label(category)));
                    csv.append(',').append(data.tables().get(p).period().code());
                    String flag = "";
                    for (int x = 0; x < data.contents().size(); x++) {
                        Object[] cell = data.cell(r, c, p, x);
                        csv.append(',').append(cell[0] == null ? (":".equals(cell[1]) ? ":" : "") : cell[0]);
                        if ("p".equals(cell[1]) || "r".equals(cell[1])) {
                            flag = (String) cell[1];
                        }
                    }
                    csv.append(',').append(flag).append("\r\n");
                }
            }
        }
        return csv.toString();
    }

    private static ObjectNode category(
            ObjectNode dimension,
            String id,
            String label,
            List<String> codes,
            java.util.function.Function<String, String> labels) {
        ObjectNode node = dimension.putObject(id);
        node.put("label", label);
        ObjectNode category = node.putObject("category");
        ObjectNode index = category.putObject("index");
        ObjectNode names = category.putObject("label");
        for (int i = 0; i < codes.size(); i++) {
            index.put(codes.get(i), i);
            names.put(codes.get(i), labels.apply(codes.get(i)));
        }
        return node;
    }

    private static String contentLabel(String code) {
        return switch (code) {
            case "numerator" -> "Numerator (persons)";
            case "denominator" -> "Denominator (persons)";
            default -> "Rate (%)";
        };
    }

    private static String quote(String text) {
        if (text == null) {
            return "";
        }
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
