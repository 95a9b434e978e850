package org.housingfirst.imports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.housingfirst.imports.Template.Column;
import org.housingfirst.imports.Template.Language;
import tools.jackson.databind.JsonNode;

/**
 * Imports one file of the municipal template (docs/import.md) through the services' bulk endpoints. Usage:
 *
 * <pre>
 * java -jar imports.jar --kind participants|tenancies|support|assessments --file deltagare.csv
 *     --token eyJ... [--tenancy http://127.0.0.1:8081] [--support http://127.0.0.1:8082] [--dry-run]
 * </pre>
 *
 * <p>Each row becomes one bulk line under the key {@code import:<kind>:<rad_id>}, so importing a file again, or a file
 * that overlaps it, stores nothing twice. A tenancy row changed since it was imported is recorded as a correction of
 * its tenancy; a row of another kind changed since its import is reported as a correction and stored nowhere.
 * {@code --dry-run} checks every row on the services and stores nothing. The report names rows by line and
 * {@code rad_id}, and problems by column; it never repeats a value. Exits 0 when every row was stored, replayed,
 * corrected or (dry) valid, 2 when any was refused or a correction that cannot be recorded, 1 when the file or a
 * service could not be read.
 */
public final class CsvImport {

    private static final Pattern ROW_ID = Pattern.compile("[\\x21-\\x7e]{1,100}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

    /** A row of the file: where it is, its id, the person, and the template's fields. */
    public record Row(
            int line, String id, String scheme, String identity, Map<String, Object> fields, List<String> problems) {}

    /** What became of a row. */
    public record Outcome(Row row, String result, String detail) {}

    private final Template template;
    private final String tenancy;
    private final String support;
    private final boolean dryRun;
    private final Bulk bulk;
    private final String municipality;
    /** Where the first import of a changed row recorded it, by {@code rad_id}. */
    private final Map<String, String> firstAnswers = new HashMap<>();
    /**
     * The support episode each stored or replayed row names, by {@code rad_id}: the episode rows' are all known before
     * any contact row is sent, so a contact can name only an episode row.
     */
    private final Map<String, String> episodeIds = new HashMap<>();
    /** The file's language, known once its header is read. */
    private Language language = Language.SWEDISH;

    /** An import of one kind of file ({@code participants}, {@code deltagare} …) into the services at the URLs. */
    public CsvImport(String kind, String tenancy, String support, String token, boolean dryRun) {
        this(
                Template.named(kind).orElseThrow(() -> new IllegalArgumentException("no such kind of file: " + kind)),
                tenancy,
                support,
                token,
                dryRun);
    }

    CsvImport(Template template, String tenancy, String support, String token, boolean dryRun) {
        this.template = template;
        this.tenancy = tenancy;
        this.support = support;
        this.dryRun = dryRun;
        this.bulk = new Bulk(token);
        this.municipality = municipalityOf(token);
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dry-run")) {
                options.put("dry-run", "true");
            } else if (i + 1 < args.length) {
                options.put(args[i].replaceFirst("^--", ""), args[++i]);
            }
        }
        if (options.getOrDefault("kind", "").equals("hmis")) {
            HmisImport.main(options);
            return;
        }
        Template template = Template.named(options.getOrDefault("kind", "")).orElse(null);
        if (template == null || !options.containsKey("file") || !options.containsKey("token")) {
            System.err.println("usage: --kind participants|tenancies|support|assessments --file <csv> --token <jwt>"
                    + " [--tenancy <url>] [--support <url>] [--dry-run], or --kind hmis (docs/import-hmis.md)");
            System.exit(1);
        }
        try {
            List<Outcome> outcomes = new CsvImport(
                            template,
                            options.getOrDefault("tenancy", "http://127.0.0.1:8081"),
                            options.getOrDefault("support", "http://127.0.0.1:8082"),
                            options.get("token"),
                            options.containsKey("dry-run"))
                    .run(Path.of(options.get("file")));
            System.exit(report(outcomes, System.out) ? 0 : 2);
        } catch (Bulk.ImportFailed | IOException e) {
            System.err.println("Import failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Reads the file and imports it; one outcome per row, in file order. */
    public List<Outcome> run(Path file) throws IOException {
        List<Row> rows = read(file);
        List<Outcome> outcomes = new ArrayList<>();
        List<Row> good = new ArrayList<>();
        for (Row row : rows) {
            if (row.problems().isEmpty()) {
                good.add(row);
            } else {
                outcomes.add(new Outcome(row, "problem", String.join("; ", row.problems())));
            }
        }
        switch (template) {
            case PARTICIPANTS -> outcomes.addAll(send(support, good, r -> "/api/v1/enrolments", true));
            case TENANCIES -> outcomes.addAll(correctTenancies(send(tenancy, good, r -> "/api/v1/tenancies", true)));
            case ASSESSMENTS ->
                outcomes.addAll(sendKnown(
                        good,
                        (r, participant) -> "/api/v1/participants/" + participant + "/quality-of-life-assessments"));
            case SUPPORT -> outcomes.addAll(support(good));
        }
        outcomes.sort(java.util.Comparator.comparingInt(o -> o.row().line()));
        return outcomes;
    }

    private List<Outcome> support(List<Row> rows) {
        String episodeKind = language == Language.SWEDISH ? "insats" : "oppfolging";
        List<Row> episodes = new ArrayList<>();
        List<Row> contacts = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
            String kind = Template.normalise(String.valueOf(row.fields().remove("kind")));
            if (kind.equals("insats") || kind.equals("oppfolging")) {
                episodes.add(row);
            } else if (kind.equals("kontakt")) {
                contacts.add(row);
            } else {
                outcomes.add(new Outcome(row, "problem", "typ/type: must be " + episodeKind + " or kontakt"));
            }
        }
        outcomes.addAll(sendKnown(episodes, (r, participant) -> {
            r.fields().keySet().retainAll(List.of("startedOn", "model", "plannedContactsPerMonth"));
            return "/api/v1/participants/" + participant + "/support-episodes";
        }));
        List<Row> ready = new ArrayList<>();
        for (Row row : contacts) {
            Object episodeRow = row.fields().remove("episodeRow");
            row.fields().keySet().retainAll(List.of("contactedOn", "mode", "durationMinutes", "staffRole", "missed"));
            if (episodeRow == null) {
                outcomes.add(new Outcome(row, "problem", "insatsens_rad_id/oppfolgingens_rad_id: required"));
            } else if (!episodeIds.containsKey(episodeRow.toString())) {
                outcomes.add(new Outcome(
                        row,
                        dryRun ? "not checked" : "problem",
                        dryRun
                                ? "its episode is not stored yet: it is checked when the episode is imported"
                                : "insatsens_rad_id/oppfolgingens_rad_id: names no episode of this file that was"
                                        + " stored"));
            } else {
                row.fields().put("episodeId", episodeIds.get(episodeRow.toString()));
                ready.add(row);
            }
        }
        outcomes.addAll(send(
                support,
                ready,
                r -> "/api/v1/support-episodes/" + r.fields().remove("episodeId") + "/contacts",
                false));
        return outcomes;
    }

    /**
     * Tenancy rows changed since their import are recorded as corrections of the tenancies they started (POST
     * /api/v1/tenancies/{id}/corrections), with the row's values.
     */
    private List<Outcome> correctTenancies(List<Outcome> outcomes) {
        List<Outcome> corrections = outcomes.stream()
                .filter(o -> o.result().equals("correction")
                        && firstAnswers.containsKey(o.row().id()))
                .toList();
        if (corrections.isEmpty()) {
            return outcomes;
        }
        List<Bulk.Line> lines = new ArrayList<>();
        for (Outcome outcome : corrections) {
            lines.add(Bulk.correction(
                    outcome.row().line(),
                    key(outcome.row()),
                    firstAnswers.get(outcome.row().id()),
                    new LinkedHashMap<>(outcome.row().fields())));
        }
        List<JsonNode> results = bulk.send(tenancy, lines, dryRun);
        Map<String, Outcome> corrected = new HashMap<>();
        for (int i = 0; i < corrections.size(); i++) {
            Bulk.Result judged = Bulk.corrected(results.get(i));
            Row row = corrections.get(i).row();
            corrected.put(row.id(), new Outcome(row, judged.result(), judged.detail()));
        }
        return outcomes.stream()
                .map(o -> o.row().id() == null
                        ? o
                        : corrected.getOrDefault(o.row().id(), o))
                .toList();
    }

    private String key(Row row) {
        return "import:" + template.name().toLowerCase(Locale.ROOT) + ":" + row.id();
    }

    /** Rows about people already enrolled: their participant id is looked up first (tenancy-service). */
    private List<Outcome> sendKnown(List<Row> rows, java.util.function.BiFunction<Row, String, String> path) {
        Map<String, String> participants = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        List<Row> known = new ArrayList<>();
        Map<Row, String> paths = new HashMap<>();
        for (Row row : rows) {
            String participant = participants.computeIfAbsent(
                    row.scheme() + ":" + row.identity(),
                    k -> bulk.participantId(tenancy, row.scheme(), row.identity()));
            if (participant == null) {
                outcomes.add(new Outcome(row, "problem", "the person is not enrolled: import the participants first"));
            } else {
                paths.put(row, path.apply(row, participant));
                known.add(row);
            }
        }
        outcomes.addAll(send(support, known, paths::get, false));
        return outcomes;
    }

    private List<Outcome> send(
            String base, List<Row> rows, java.util.function.Function<Row, String> path, boolean withIdentity) {
        List<Bulk.Line> lines = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (withIdentity) {
                body.put("participant", Map.of("scheme", row.scheme(), "value", row.identity()));
            }
            String to = path.apply(row);
            if (template == Template.ASSESSMENTS) {
                Map<String, Object> answers = new LinkedHashMap<>();
                row.fields().forEach((field, value) -> {
                    if (field.startsWith("item:")) {
                        answers.put(field.substring("item:".length()), value);
                    } else {
                        body.put(field, value);
                    }
                });
                body.put("answers", answers);
            } else {
                body.putAll(row.fields());
            }
            lines.add(new Bulk.Line(row.line(), key(row), to, body));
        }
        List<Outcome> outcomes = new ArrayList<>();
        if (lines.isEmpty()) {
            return outcomes;
        }
        List<JsonNode> results = bulk.send(base, lines, dryRun);
        for (int i = 0; i < rows.size(); i++) {
            outcomes.add(outcome(rows.get(i), results.get(i)));
        }
        return outcomes;
    }

    private Outcome outcome(Row row, JsonNode result) {
        Bulk.Result judged = Bulk.judge(result);
        if (judged.result().equals("correction") && result.hasNonNull("location")) {
            firstAnswers.put(row.id(), result.get("location").asString());
        }
        if (judged.body().hasNonNull("episodeId")) {
            episodeIds.put(row.id(), judged.body().get("episodeId").asString());
        }
        return new Outcome(row, judged.result(), judged.detail());
    }

    /** Prints the report; true when no row was refused or a correction. */
    public static boolean report(List<Outcome> outcomes, PrintStream out) {
        return Bulk.report(
                outcomes,
                Outcome::result,
                o -> String.format(
                        Locale.ROOT,
                        "line %d, rad_id %s: %s%s",
                        o.row().line(),
                        o.row().id() == null ? "-" : o.row().id(),
                        o.result(),
                        o.detail() == null ? "" : " — " + o.detail()),
                out);
    }

    List<Row> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.chars().filter(c -> c == ';').count()
                        >= firstLine.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(separator)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Map<String, String> headers = new LinkedHashMap<>();
            parser.getHeaderNames().forEach(h -> headers.put(Template.normalise(h), h));
            Language language = languageOf(headers.keySet());
            List<String> missing = new ArrayList<>();
            for (Column column : columns()) {
                if (column.required() && !headers.containsKey(column.name(language))) {
                    missing.add(column.name(language));
                }
            }
            List<String> identities = headers.keySet().stream()
                    .filter(Template.IDENTITY_COLUMNS::containsKey)
                    .toList();
            if (identities.size() != 1) {
                missing.add("exactly one of "
                        + Template.IDENTITY_COLUMNS.keySet().stream().sorted().toList());
            }
            if (!missing.isEmpty()) {
                throw new Bulk.ImportFailed("the file does not fit the "
                        + template.name().toLowerCase(Locale.ROOT) + " template: missing " + missing);
            }
            String identityColumn = identities.getFirst();
            List<Row> rows = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                rows.add(row(record, headers, language, identityColumn, seen));
            }
            this.language = language;
            return rows;
        }
    }

    private Row row(
            CSVRecord record,
            Map<String, String> headers,
            Language language,
            String identityColumn,
            Map<String, Integer> seen) {
        int line = (int) record.getRecordNumber() + 1;
        List<String> problems = new ArrayList<>();
        String id = value(record, headers.get(Template.ROW.name(language)));
        if (id == null || !ROW_ID.matcher(id).matches()) {
            problems.add("rad_id: must be 1 to 100 visible ASCII characters");
            id = null;
        } else if (seen.putIfAbsent(id, line) != null) {
            problems.add("rad_id: repeats line " + seen.get(id));
        }
        String identity = value(record, headers.get(identityColumn));
        if (identity == null) {
            problems.add(identityColumn + ": required");
        }
        String named = value(record, headers.get(Template.MUNICIPALITY.name(language)));
        if (named != null && !named.equals(municipality) && !municipality.endsWith("-" + named)) {
            problems.add(Template.MUNICIPALITY.name(language) + ": names another municipality than the token's, "
                    + municipality);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> known = new ArrayList<>(
                List.of(Template.ROW.name(language), identityColumn, Template.MUNICIPALITY.name(language)));
        for (Column column : template.columns()) {
            known.add(column.name(language));
            String value = value(record, headers.get(column.name(language)));
            if (value == null) {
                if (column.required()) {
                    problems.add(column.name(language) + ": required");
                }
                continue;
            }
            fields.put(column.field(), typed(value));
        }
        if (template == Template.ASSESSMENTS) {
            headers.forEach((normalised, original) -> {
                if (!known.contains(normalised)) {
                    String value = value(record, original);
                    if (value != null) {
                        fields.put("item:" + original.strip(), typed(value));
                    }
                }
            });
        }
        return new Row(line, id, Template.IDENTITY_COLUMNS.get(identityColumn), identity, fields, problems);
    }

    private List<Column> columns() {
        List<Column> all = new ArrayList<>(List.of(Template.ROW));
        all.addAll(template.columns());
        return all;
    }

    private Language languageOf(java.util.Set<String> headers) {
        long swedish =
                columns().stream().filter(c -> headers.contains(c.swedish())).count();
        long norwegian =
                columns().stream().filter(c -> headers.contains(c.norwegian())).count();
        return norwegian > swedish ? Language.NORWEGIAN : Language.SWEDISH;
    }

    private static String value(CSVRecord record, String header) {
        if (header == null || !record.isMapped(header) || !record.isSet(header)) {
            return null;
        }
        String value = record.get(header);
        return value.isBlank() ? null : value;
    }

    /** Whole numbers and yes/no as JSON numbers and booleans; anything else as text, which the service checks. */
    private static Object typed(String value) {
        if (INTEGER.matcher(value).matches()) {
            return Integer.parseInt(value);
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ja", "yes", "true" -> true;
            case "nej", "nei", "no", "false" -> false;
            default -> value;
        };
    }

    /** The token's country and municipality, as {@code SE-1280}; the service checks the token itself. */
    static String municipalityOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new Bulk.ImportFailed("the token is not a JWT");
        }
        JsonNode claims = Bulk.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.path("country").asString("") + "-"
                + claims.path("municipality").asString("");
    }
}
