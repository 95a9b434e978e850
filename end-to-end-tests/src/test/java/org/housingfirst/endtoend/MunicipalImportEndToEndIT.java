package org.housingfirst.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.housingfirst.imports.CsvImport;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The municipal CSV import (docs/import.md) on the platform as it runs: the template's example files, Swedish for
 * Uppsala and Norwegian for Oslo (municipalities no other end-to-end test writes), are checked by a dry run that stores
 * nothing, imported, and imported again without storing anything twice. A row changed since its import is reported
 * as a correction and stored nowhere; a row naming another municipality is refused. No report repeats an identity
 * number.
 */
class MunicipalImportEndToEndIT {

    private static final String UPPSALA = TestTokens.token("reporter", "SE", "0380", "uppsala-bostad-forst");
    private static final String OSLO = TestTokens.token("reporter", "NO", "0301", "oslo-housing-first");
    private static final List<String> IDENTITIES =
            List.of("690212", "770418", "880923", "12037510074", "05088110015", "1203751", "0508811");

    private static Platform platform;

    @TempDir
    Path files;

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = Platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        platform.stop();
    }

    @Test
    void theTemplatesExampleFilesImportCleanlyOnceAndAgainChangeNothing() throws Exception {
        Map<String, String> swedish = Map.of(
                "participants", "sv/deltagare.csv",
                "tenancies", "sv/hyresavtal.csv",
                "support", "sv/stod.csv",
                "assessments", "sv/skattningar.csv");
        Map<String, String> norwegian = Map.of(
                "participants", "nb/deltakere.csv",
                "tenancies", "nb/leieforhold.csv",
                "support", "nb/oppfolging.csv",
                "assessments", "nb/kartlegginger.csv");
        for (var language : List.of(Map.entry(UPPSALA, swedish), Map.entry(OSLO, norwegian))) {
            String token = language.getKey();
            Map<String, String> template = language.getValue();

            long before = stored();
            assertThat(results(run("participants", example(template.get("participants")), token, true)))
                    .as("a dry run checks every row")
                    .containsOnly("valid")
                    .isNotEmpty();
            assertThat(stored()).as("and stores nothing").isEqualTo(before);

            for (String kind : List.of("participants", "tenancies", "support", "assessments")) {
                assertThat(results(run(kind, example(template.get(kind)), token, false)))
                        .as(kind + " from " + template.get(kind))
                        .containsOnly("accepted")
                        .isNotEmpty();
            }
            long imported = stored();
            assertThat(imported).isGreaterThan(before);
            for (String kind : List.of("participants", "tenancies", "support", "assessments")) {
                assertThat(results(run(kind, example(template.get(kind)), token, false)))
                        .as("the same " + kind + " again")
                        .containsOnly("replayed");
            }
            assertThat(stored()).as("nothing stored twice").isEqualTo(imported);
        }

        // Uppsala's participants again: one row corrected, one naming another municipality, one new
        long before = stored();
        Path changed = edited(
                example("sv/deltagare.csv"),
                text -> text.replace(
                                "D-003;19880923-1353;0380;uppsala-bostad-forst;2025-06-09",
                                "D-003;19880923-1353;0380;uppsala-bostad-forst;2025-06-10")
                        + "D-004;19880923-1353;1280;uppsala-bostad-forst;2025-07-01;SELF;SE_1_ACUTE;UNKNOWN;1988;\n");
        List<CsvImport.Outcome> outcomes = run("participants", changed, UPPSALA, false);
        assertThat(results(outcomes)).containsExactly("replayed", "replayed", "correction", "problem");
        assertThat(outcomes.get(3).detail()).startsWith("kommun:");
        assertThat(stored())
                .as("neither the correction nor the foreign row is stored")
                .isEqualTo(before);
    }

    private List<CsvImport.Outcome> run(String kind, Path file, String token, boolean dryRun) throws IOException {
        List<CsvImport.Outcome> outcomes = new CsvImport(
                        kind,
                        "http://127.0.0.1:" + platform.ports().get("tenancy-service"),
                        "http://127.0.0.1:" + platform.ports().get("support-service"),
                        token,
                        dryRun)
                .run(file);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        CsvImport.report(outcomes, new PrintStream(report, true, StandardCharsets.UTF_8));
        String printed = report.toString(StandardCharsets.UTF_8);
        assertThat(printed).as("the report").doesNotContain(IDENTITIES);
        System.out.print(printed);
        return outcomes;
    }

    private static List<String> results(List<CsvImport.Outcome> outcomes) {
        return outcomes.stream()
                .map(o -> o.result() + (o.detail() == null ? "" : " (" + o.detail() + ")"))
                .map(r -> r.replaceAll(" \\(.*", ""))
                .toList();
    }

    /** An example file of the template, as docs/import.md publishes it. */
    private static Path example(String name) {
        return Path.of("..", "docs", "import", "templates").resolve(name);
    }

    private Path edited(Path file, UnaryOperator<String> edit) throws IOException {
        Path copy = files.resolve("edited-" + file.getFileName());
        Files.writeString(copy, edit.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        return copy;
    }

    /** Events stored by the two writing services. */
    private static long stored() {
        return Platform.count(platform.jdbcUrl("tenancy-service"), "SELECT count(*) FROM domainevententry")
                + Platform.count(platform.jdbcUrl("support-service"), "SELECT count(*) FROM domainevententry");
    }
}
