package org.housingfirst.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the template: headers in either language and either spelling, the checks made before any request. */
class CsvImportTest {

    private static final String UPPSALA = "x."
            + Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString("{\"country\":\"SE\",\"municipality\":\"0380\"}".getBytes(StandardCharsets.UTF_8))
            + ".y";

    @TempDir
    Path dir;

    private List<CsvImport.Row> read(Template template, String text) throws Exception {
        Path file = dir.resolve("file.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new CsvImport(template, "http://t", "http://s", UPPSALA, false).read(file);
    }

    @Test
    void headersAreReadWithOrWithoutDiacriticsAndValuesAreTyped() throws Exception {
        List<CsvImport.Row> rows = read(
                Template.PARTICIPANTS,
                "\uFEFFRad_ID,Personnummer,Program,Inskrivningsdatum,Remitterad av,Hemloshetssituation,"
                        + "HEMLÖSHETENS LÄNGD,Födelseår,Kön\n"
                        + "D-1,19690212-1232,p,2025-02-03,OUTREACH,SE_1_ACUTE,UNKNOWN,1969,\n");
        assertThat(rows).hasSize(1);
        CsvImport.Row row = rows.getFirst();
        assertThat(row.problems()).isEmpty();
        assertThat(row.scheme()).isEqualTo("SE_PERSONNUMMER");
        assertThat(row.fields())
                .containsEntry("birthYear", 1969)
                .containsEntry("homelessnessDuration", "UNKNOWN")
                .doesNotContainKey("sex");
    }

    @Test
    void rowsThatCannotBeSentAreProblemsNamingTheColumnNeverTheValue() throws Exception {
        List<CsvImport.Row> rows = read(
                Template.TENANCIES,
                "rad_id;personnummer;kommun;inflyttningsdatum;kontraktstyp;besittningsskydd;kontraktsinnehavare;"
                        + "boendeform;hyresvärd;återhusning\n"
                        + "H-1;19690212-1232;0380;2025-03-01;FIRST_HAND_LEASE;FULL;PARTICIPANT;SCATTERED_SITE;PRIVATE;ja\n"
                        + "H-1;19770418-2463;1280;2025-03-01;FIRST_HAND_LEASE;FULL;PARTICIPANT;SCATTERED_SITE;PRIVATE;\n"
                        + "H 3;;0380;2025-03-01;FIRST_HAND_LEASE;FULL;PARTICIPANT;SCATTERED_SITE;PRIVATE;nej\n");
        assertThat(rows.get(0).problems()).isEmpty();
        assertThat(rows.get(0).fields()).containsEntry("rehousing", true);
        assertThat(rows.get(1).problems())
                .containsExactly(
                        "rad_id: repeats line 2",
                        "kommun: names another municipality than the token's, SE-0380",
                        "aterhusning: required");
        assertThat(rows.get(2).problems())
                .containsExactly("rad_id: must be 1 to 100 visible ASCII characters", "personnummer: required");
        assertThat(String.join(" ", rows.get(1).problems() + " " + rows.get(2).problems()))
                .doesNotContain("19770418", "770418");
    }

    @Test
    void aFileThatDoesNotFitTheTemplateIsRefusedWhole() {
        assertThatThrownBy(() -> read(Template.PARTICIPANTS, "rad_id;personnummer;program\nD-1;x;p\n"))
                .hasMessageContaining("missing")
                .hasMessageContaining("inskrivningsdatum");
        assertThatThrownBy(() -> read(
                        Template.ASSESSMENTS,
                        "rad_id;personnummer;fødselsnummer;datum;instrument;version;tidpunkt\nK-1;a;b;c;d;e;f\n"))
                .hasMessageContaining("exactly one of");
    }

    @Test
    void norwegianHeadersAreNorwegian() throws Exception {
        List<CsvImport.Row> rows = read(
                Template.ASSESSMENTS,
                "rad_id;fødselsnummer;dato;instrument;versjon;tidspunkt;S1;S2\nK-1;12037510074;2025-02-05;MANSA;v;BASELINE;4;\n");
        assertThat(rows.getFirst().problems()).isEmpty();
        assertThat(rows.getFirst().scheme()).isEqualTo("NO_FODSELSNUMMER");
        assertThat(rows.getFirst().fields()).containsEntry("item:S1", 4).doesNotContainKey("item:S2");
    }
}
