package org.housingfirst.outcomes.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.outcomes.qualityoflife.ChangeFromBaseline;
import org.housingfirst.outcomes.statistics.DisclosureControl.Status;
import org.housingfirst.outcomes.statistics.NationalTables.Table;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes national tables as JSON-stat 2.0 datasets and as CSV. Cells are (region, breakdown, period) with the measure's
 * contents: numerator, denominator and rate in percent, or the count of persons. Status symbols: ":" suppressed, "." no participants (rate
 * only), "r" revised since the period's first release ("p", provisional, only in a table computed before its first
 * release, which is never served).
 */
final class TableDocuments {

    static final List<String> DIMENSIONS = List.of("region", "breakdown", "period", "contents");
    static final org.springframework.http.MediaType CSV_TYPE =
            new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TableDocuments() {}

    /**
     * The data of the selected cells; {@code tables} holds one table per selected period, in order, and {@code texts}
     * the language of its words.
     */
    record Data(
            NationalTables.Definition definition,
            List<String> regions,
            List<String> categories,
            List<Table> tables,
            List<String> contents,
            int k,
            StatisticsTexts texts) {

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
                // no participants: a zero, provisional like every figure of a table not yet released
                return contentCode.equals("rate") || contentCode.contains(":")
                        ? new Object[] {null, "."}
                        : new Object[] {0L, table.release() == null ? "p" : null};
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
                case "denominator", "count", "programmes" -> denominator;
                case "rate" ->
                    denominator == 0
                            ? null
                            : BigDecimal.valueOf(1000L * numerator)
                                    .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                                    .movePointLeft(1);
                default -> mean(cube, cell, contentCode);
            };
            String symbol = value == null ? "." : table.revision()[cell];
            return new Object[] {value, symbol};
        }
    }

    /**
     * A content of a table of means ({@code mean:v}, {@code lower:v}, {@code upper:v}): the mean of value v over the
     * cell's units, and the bounds of its 95 % t interval (mean ± t(0.975, n − 1) × SD / √n, SD from the sums of values
     * and squares); null with no units, and the bounds null with fewer than two.
     */
    private static BigDecimal mean(RateCube cube, int cell, String content) {
        String kind = content.substring(0, content.indexOf(':'));
        String code = content.substring(content.indexOf(':') + 1);
        long n = cube.denominators[cell];
        if (n == 0 || (!kind.equals("mean") && n < 2)) {
            return null;
        }
        double sum = cube.sums.get(code)[cell];
        double mean = sum / n;
        double result = mean;
        if (!kind.equals("mean")) {
            double variance = Math.max(0, (cube.squares.get(code)[cell] - sum * sum / n) / (n - 1));
            double half = ChangeFromBaseline.critical95((int) n - 1) * Math.sqrt(variance / n);
            result = kind.equals("lower") ? mean - half : mean + half;
        }
        return BigDecimal.valueOf(result).setScale(decimals(content), RoundingMode.HALF_UP);
    }

    /** Whether {@code outputFormat} asks for CSV; JSON-stat 2.0 otherwise, and a 422 for anything else. */
    static boolean csvRequested(String outputFormat) {
        if (!outputFormat.equals("json-stat2") && !outputFormat.equals("csv")) {
            throw org.housingfirst.domain.RuleViolation.invalid("outputFormat", "must be json-stat2 or csv");
        }
        return outputFormat.equals("csv");
    }

    /** The whole of one table, in English: every region with participants, every breakdown and every content. */
    static Data whole(Table table, int k) {
        return new Data(
                table.definition(),
                table.cube().regions,
                table.cube().categories,
                List.of(table),
                table.definition().measure().contents(),
                k,
                StatisticsTexts.ENGLISH);
    }

    static ObjectNode jsonStat(Data data, boolean withValues) {
        StatisticsTexts texts = data.texts();
        ObjectNode dataset = NODES.objectNode();
        dataset.put("version", "2.0");
        dataset.put("class", "dataset");
        dataset.put("label", texts.title(data.definition()));
        dataset.put("source", texts.get("source"));
        Instant updated = data.tables().stream()
                .map(Table::knownAt)
                .max(Instant::compareTo)
                .orElseThrow();
        dataset.put("updated", updated.toString());
        ArrayNode ids = dataset.putArray("id");
        DIMENSIONS.forEach(ids::add);
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
        CodeList list = data.definition().codeList();
        category(dimension, "region", texts, data.regions(), code -> texts.region(list, code));
        category(dimension, "breakdown", texts, data.categories(), texts::breakdown);
        category(
                dimension,
                "period",
                texts,
                data.tables().stream().map(t -> t.period().code()).toList(),
                texts::period);
        ObjectNode contents = category(dimension, "contents", texts, data.contents(), texts::content);
        ObjectNode units = ((ObjectNode) contents.get("category")).putObject("unit");
        for (String content : data.contents()) {
            ObjectNode unit = units.putObject(content);
            unit.put("label", texts.unit(content));
            unit.put("decimals", decimals(content));
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
            // metadata: a dataset whose every value is missing, in JSON-stat's sparse form (value is required)
            dataset.putObject("value");
        }
        ArrayNode notes = dataset.putArray("note");
        notes(data).forEach(notes::add);
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

    /** The table's notes in its language: the unit, disclosure control, consent, releases and the symbols. */
    static List<String> notes(Data data) {
        StatisticsTexts texts = data.texts();
        NationalMeasure measure = data.definition().measure();
        List<String> notes = new java.util.ArrayList<>(List.of(
                texts.get(measure.kind().unitNote()),
                texts.get(measure.kind().suppressionNote(), data.k()),
                texts.get("note.consent"),
                texts.get("note.releases")));
        if (data.tables().stream().anyMatch(t -> t.release() == null)) {
            notes.add(texts.get("note.provisional"));
        }
        notes.add(texts.get("note.symbols"));
        return notes;
    }

    /**
     * Rates, percentages and changes on a 0–100 scale with one decimal, mean item scores (1–4, 1–7) with two, counts
     * with none.
     */
    static int decimals(String content) {
        if (content.equals("rate")
                || content.endsWith(":percent")
                || content.endsWith("_100")
                || content.endsWith(":vas")) {
            return 1;
        }
        return content.contains(":") ? 2 : 0;
    }

    /** CSV as releases store it: comma-separated, decimal point, codes and labels. */
    static String csv(Data data) {
        return csv(data, CsvOptions.DEFAULT);
    }

    /**
     * How a CSV is written: the separator, the decimal mark (a comma for Swedish and Norwegian Excel), whether codes,
     * labels or both name the cells, and whether the title comes first.
     */
    record CsvOptions(char separator, char decimal, boolean codes, boolean labels, boolean title) {

        static final CsvOptions DEFAULT = new CsvOptions(',', '.', true, true, false);
    }

    /**
     * One row per region, breakdown and period, the selected contents in columns and the row's revision mark last:
     * "r" revised, "p" provisional. A suppressed cell is ":", a rate with no participants ".".
     */
    static String csv(Data data, CsvOptions options) {
        StatisticsTexts texts = data.texts();
        String separator = String.valueOf(options.separator());
        StringBuilder csv = new StringBuilder();
        if (options.title()) {
            csv.append(quote(texts.get("title.by", texts.title(data.definition())), options.separator()))
                    .append("\r\n");
        }
        List<String> header = new java.util.ArrayList<>();
        for (String dimension : List.of("region", "breakdown", "period")) {
            if (options.codes()) {
                header.add(dimension);
            }
            if (options.labels()) {
                header.add(dimension + "_label");
            }
        }
        header.addAll(data.contents());
        header.add("status");
        csv.append(String.join(separator, header)).append("\r\n");
        CodeList list = data.definition().codeList();
        for (int r = 0; r < data.regions().size(); r++) {
            for (int c = 0; c < data.categories().size(); c++) {
                for (int p = 0; p < data.tables().size(); p++) {
                    String region = data.regions().get(r);
                    String category = data.categories().get(c);
                    String period = data.tables().get(p).period().code();
                    List<String> row = new java.util.ArrayList<>();
                    add(row, options, region, texts.region(list, region));
                    add(row, options, category, texts.breakdown(category));
                    add(row, options, period, texts.period(period));
                    String flag = "";
                    for (int x = 0; x < data.contents().size(); x++) {
                        Object[] cell = data.cell(r, c, p, x);
                        row.add(cell[0] == null ? (String) cell[1] : number(cell[0], options.decimal()));
                        if ("p".equals(cell[1]) || "r".equals(cell[1])) {
                            flag = (String) cell[1];
                        }
                    }
                    row.add(flag);
                    csv.append(row.stream()
                                    .map(text -> quote(text, options.separator()))
                                    .collect(java.util.stream.Collectors.joining(separator)))
                            .append("\r\n");
                }
            }
        }
        return csv.toString();
    }

    private static void add(List<String> row, CsvOptions options, String code, String label) {
        if (options.codes()) {
            row.add(code);
        }
        if (options.labels()) {
            row.add(label);
        }
    }

    static String number(Object value, char decimal) {
        String text = value instanceof BigDecimal rate ? rate.toPlainString() : value.toString();
        return decimal == '.' ? text : text.replace('.', decimal);
    }

    private static ObjectNode category(
            ObjectNode dimension,
            String id,
            StatisticsTexts texts,
            List<String> codes,
            java.util.function.Function<String, String> labels) {
        ObjectNode node = dimension.putObject(id);
        node.put("label", texts.get("dimension." + id));
        ObjectNode category = node.putObject("category");
        ObjectNode index = category.putObject("index");
        ObjectNode names = category.putObject("label");
        for (int i = 0; i < codes.size(); i++) {
            index.put(codes.get(i), i);
            names.put(codes.get(i), labels.apply(codes.get(i)));
        }
        return node;
    }

    /** A CSV field, quoted when it holds the separator, a quote, a line break or a leading or trailing space. */
    static String quote(String text, char separator) {
        if (text == null) {
            return "";
        }
        boolean plain = text.indexOf(separator) < 0
                && text.indexOf('"') < 0
                && text.indexOf('\n') < 0
                && text.indexOf('\r') < 0
                && text.strip().equals(text);
        return plain ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
