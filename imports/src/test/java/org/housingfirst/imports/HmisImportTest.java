package org.housingfirst.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading an HMIS CSV FY2024 export and the rules applied before any request: the household move-in rule, the codes,
 * deleted records, unreadable values. The hand-made export in docs/import/hmis-example is the one
 * MunicipalImportEndToEndIT imports on the platform.
 */
class HmisImportTest {

    private static final Path EXAMPLE = Path.of("..", "docs", "import", "hmis-example");
    private static final String GOTEBORG = "x."
            + Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString("{\"country\":\"SE\",\"municipality\":\"1480\"}".getBytes(StandardCharsets.UTF_8))
            + ".y";
    private static final HmisImport.Programme PROGRAMME =
            new HmisImport.Programme("PRIVATE_RENTAL", "FULL", "PARTICIPANT", "PRIVATE", "ICM", 4);

    @TempDir
    Path dir;

    private static HmisImport hmis() {
        return new HmisImport("http://t", "http://s", GOTEBORG, PROGRAMME, false);
    }

    @Test
    void theExampleExportIsReadWithoutItsDeletedRecords() throws Exception {
        HmisImport.Export export = hmis().read(EXAMPLE);
        assertThat(export.source()).isEqualTo("example-hmis");
        assertThat(export.unreadable()).isEmpty();
        assertThat(export.projects()).containsOnlyKeys("psh1", "rrh1", "es1", "phs1");
        assertThat(export.clients()).hasSize(15).doesNotContainKey("c16");
        assertThat(export.enrollments())
                .extracting(HmisImport.Enrollment::id)
                .hasSize(15)
                .doesNotContain("e16");
        assertThat(export.exits()).hasSize(9);
        assertThat(export.services()).hasSize(4);
        assertThat(export.clients().get("c02").sex()).isEqualTo("MALE");
        assertThat(export.clients().get("c04").sex())
                .as("neither woman nor man")
                .isNull();
        assertThat(export.clients().get("c04").birthYear()).isEqualTo(2007);
    }

    @Test
    void householdMembersInheritTheirHeadsMoveInDate() throws Exception {
        HmisImport.Export export = hmis().read(EXAMPLE);
        Map<String, LocalDate> moveIns = HmisImport.moveInDates(export.enrollments(), export.exits());
        assertThat(moveIns)
                .as("the head, their partner who entered with them, their child who joined after the move-in")
                .containsEntry("e02", LocalDate.of(2024, 12, 1))
                .containsEntry("e03", LocalDate.of(2024, 12, 1))
                .containsEntry("e04", LocalDate.of(2025, 2, 10));
        assertThat(moveIns)
                .as("a member who left before the head moved in; a head who never moved in")
                .doesNotContainKeys("e15", "e09");
        assertThat(moveIns).hasSize(13);
    }

    @Test
    void aMoveInAfterTheExitOrBeforeTheEntryIsNone() {
        HmisImport.Enrollment late = enrollment("a", "1", 1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1));
        HmisImport.Enrollment early = enrollment("b", "2", 1, LocalDate.of(2025, 1, 1), LocalDate.of(2024, 12, 1));
        HmisImport.Enrollment member = enrollment("c", "1", 3, LocalDate.of(2024, 12, 1), null);
        Map<String, LocalDate> moveIns = HmisImport.moveInDates(
                List.of(late, early, member),
                Map.of(
                        "a", new HmisImport.Exit(2, "xa", "a", LocalDate.of(2025, 2, 1), 116),
                        "c", new HmisImport.Exit(3, "xc", "c", LocalDate.of(2025, 2, 15), 116)));
        assertThat(moveIns).isEmpty();
    }

    @Test
    void destinationsBecomeTheContractsCategoriesAndReasons() {
        assertThat(HmisCodes.destinationCategory(435)).isEqualTo("PERMANENT");
        assertThat(HmisCodes.endReason(435)).isEqualTo("MOVED_TO_OTHER_PERMANENT_HOUSING");
        assertThat(HmisCodes.destinationCategory(116)).isEqualTo("HOMELESS");
        assertThat(HmisCodes.endReason(116)).isEqualTo("OTHER");
        assertThat(HmisCodes.destinationCategory(24)).isEqualTo("DECEASED");
        assertThat(HmisCodes.endReason(24)).isEqualTo("DECEASED");
        assertThat(HmisCodes.endReason(225)).isEqualTo("LONG_TERM_CARE");
        assertThat(HmisCodes.destinationCategory(225)).isEqualTo("INSTITUTIONAL");
        assertThat(HmisCodes.endReason(207)).isEqualTo("CUSTODIAL_SENTENCE");
        assertThat(HmisCodes.destinationCategory(329)).isEqualTo("TEMPORARY");
        for (int unknown : List.of(8, 9, 30, 37, 99)) {
            assertThat(HmisCodes.destinationCategory(unknown)).isEqualTo("UNKNOWN");
            assertThat(HmisCodes.endReason(unknown)).isEqualTo("UNKNOWN");
        }
        assertThat(HmisCodes.endReason(17)).isEqualTo("OTHER");
        assertThat(HmisCodes.homelessnessSituation(116, "NO")).contains("NO_ROUGH_SLEEPING");
        assertThat(HmisCodes.homelessnessSituation(207, "SE")).contains("SE_2_INSTITUTION_OR_SUPPORTED_HOUSING");
        assertThat(HmisCodes.homelessnessSituation(435, "SE"))
                .as("not homeless at entry")
                .isEmpty();
        assertThat(HmisCodes.homelessnessSituation(99, "NO")).isEmpty();
    }

    @Test
    void theHomelessnessDurationIsCountedFromTheApproximateStart() {
        LocalDate entry = LocalDate.of(2025, 1, 1);
        assertThat(HmisImport.homelessnessDuration(withHomelessSince(entry, null)))
                .isEqualTo("UNKNOWN");
        assertThat(HmisImport.homelessnessDuration(withHomelessSince(entry, entry.minusMonths(2))))
                .isEqualTo("LESS_THAN_3_MONTHS");
        assertThat(HmisImport.homelessnessDuration(withHomelessSince(entry, entry.minusMonths(3))))
                .isEqualTo("MONTHS_3_TO_12");
        assertThat(HmisImport.homelessnessDuration(withHomelessSince(entry, entry.minusMonths(12))))
                .isEqualTo("YEARS_1_TO_2");
        assertThat(HmisImport.homelessnessDuration(withHomelessSince(entry, entry.minusYears(4))))
                .isEqualTo("YEARS_2_TO_5");
        assertThat(HmisImport.homelessnessDuration(withHomelessSince(entry, entry.minusYears(5))))
                .isEqualTo("MORE_THAN_5_YEARS");
        assertThat(HmisImport.homelessnessDuration(withHomelessSince(entry, entry.plusDays(1))))
                .as("after the entry")
                .isEqualTo("UNKNOWN");
    }

    @Test
    void aZipArchiveReadsAsTheDirectoryDoes() throws Exception {
        Path zip = dir.resolve("export.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream archive = new ZipOutputStream(out)) {
            try (var files = Files.list(EXAMPLE)) {
                for (Path file : files.sorted().toList()) {
                    archive.putNextEntry(new ZipEntry("export/" + file.getFileName()));
                    archive.write(Files.readAllBytes(file));
                    archive.closeEntry();
                }
            }
        }
        HmisImport.Export fromZip = hmis().read(zip);
        HmisImport.Export fromDirectory = hmis().read(EXAMPLE);
        assertThat(fromZip.enrollments()).isEqualTo(fromDirectory.enrollments());
        assertThat(fromZip.exits()).isEqualTo(fromDirectory.exits());
    }

    @Test
    void unreadableValuesMakeTheRecordAProblemNamingTheColumnNeverTheValue() throws Exception {
        copyExample();
        String enrollments = Files.readString(dir.resolve("Enrollment.csv"));
        Files.writeString(
                dir.resolve("Enrollment.csv"),
                enrollments
                        .replace("e02,c02,psh1,2024-11-04", "e02,c02,psh1,2024-13-04")
                        .replace(",2023-10-01,,,,,39,", ",2023-10-01,,,,,39x,")
                        .replace(",2025-01-20,,,,,1,", ",9999-01-20,,,,,1,"));
        HmisImport.Export export = hmis().read(dir);
        assertThat(export.unreadable())
                .extracting(HmisImport.Outcome::line, HmisImport.Outcome::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                3, "EnrollmentID, PersonalID and EntryDate: required (unreadable: EntryDate)"),
                        org.assertj.core.groups.Tuple.tuple(
                                9, "EnrollmentID, PersonalID and EntryDate: required (unreadable: ReferralSource)"),
                        org.assertj.core.groups.Tuple.tuple(
                                15, "EnrollmentID, PersonalID and EntryDate: required (unreadable: MoveInDate)"));
        assertThat(export.enrollments()).hasSize(12);
    }

    @Test
    void anExportOfAnotherVersionOrWithoutItsFilesIsRefused() throws Exception {
        copyExample();
        Files.writeString(
                dir.resolve("Export.csv"),
                Files.readString(dir.resolve("Export.csv")).replace("2024 v1.3", "2022"));
        assertThatThrownBy(() -> hmis().read(dir)).hasMessageContaining("CSVVersion");
        Files.delete(dir.resolve("Exit.csv"));
        assertThatThrownBy(() -> hmis().read(dir)).hasMessageContaining("missing [Exit.csv]");
    }

    @Test
    void theReportNamesRecordsByFileLineAndIdAndNeverAValue() {
        List<HmisImport.Outcome> outcomes = List.of(
                new HmisImport.Outcome("Enrollment.csv", 2, "e01", "enrolment", "accepted", null),
                new HmisImport.Outcome("Exit.csv", 4, "x06", "exit", "correction", "changed"));
        var out = new java.io.ByteArrayOutputStream();
        boolean clean = HmisImport.report(outcomes, new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(clean).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Enrollment.csv line 2, enrolment e01: accepted")
                .contains("Exit.csv line 4, exit x06: correction — changed");
    }

    private void copyExample() throws Exception {
        try (var files = Files.list(EXAMPLE)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }

    private static HmisImport.Enrollment enrollment(
            String id, String household, int relationship, LocalDate entry, LocalDate moveIn) {
        return new HmisImport.Enrollment(
                2, id, "p" + id, "psh1", entry, household, relationship, 116, null, null, moveIn);
    }

    private static HmisImport.Enrollment withHomelessSince(LocalDate entry, LocalDate since) {
        return new HmisImport.Enrollment(2, "e", "p", "psh1", entry, "h", 1, 116, since, null, null);
    }
}
