package org.housingfirst.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.outcomes.contracts.FirstHandLeases;
import org.housingfirst.outcomes.engagement.MonthlyEngagement;
import org.housingfirst.outcomes.fidelity.ProgrammeFidelity;
import org.housingfirst.outcomes.projection.ParticipationProjection.Enrolled;
import org.housingfirst.outcomes.qualityoflife.QualityOfLifeChanges;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.junit.jupiter.api.Test;

/** The national indicators beside retention (HF06-HF14), on docs/metrics.md's examples. */
class NationalIndicatorsTest {

    private static final CodeList SWEDEN = new CodeList(
            "SE",
            "Sweden",
            "TEST",
            "test",
            Map.of("18", "Örebro län"),
            new LinkedHashMap<>(Map.of("1880", "Örebro", "1881", "Kumla")));

    /*
     * Participants housed on 2026-06-30 (HF06). A: Örebro, woman born 1980, moved in 2025-02-01, housed. B: Örebro, man
     * born 1990, evicted 2026-03-01: not counted. C: Kumla, woman born 1962, moved in 2026-06-30: counted (housed from
     * that day). D: Kumla, sex unknown, no enrolment, moved in 2026-07-01: not yet. E: Örebro, man born 1999, ended
     * 2026-06-20 and rehoused 2026-06-25: counted once. F: a municipality the code list does not know: unlisted.
     * Örebro 2 (A, E), Kumla 1 (C), county and nation 3: women 2, men 1; age 45-54 (A, 45 in 2025), 55-64 (C, 64 in
     * 2026), 25-34 (E, 25 in 2024, the year of the first move-in).
     */
    @Test
    void participantsAreThoseInAProgrammeTenancyOnTheReferenceDate() {
        List<Participation> people = List.of(
                new Participation(null, "1880", "FEMALE", 1980, "p", List.of(TenancySpell.active(date("2025-02-01")))),
                new Participation(
                        null,
                        "1880",
                        "MALE",
                        1990,
                        "p",
                        List.of(TenancySpell.ended(
                                date("2025-01-10"),
                                date("2026-03-01"),
                                EndReason.EVICTION_RENT_ARREARS,
                                DestinationCategory.HOMELESS))),
                new Participation(null, "1881", "FEMALE", 1962, "p", List.of(TenancySpell.active(date("2026-06-30")))),
                new Participation(null, "1881", null, null, null, List.of(TenancySpell.active(date("2026-07-01")))),
                new Participation(
                        null,
                        "1880",
                        "MALE",
                        1999,
                        "p",
                        List.of(
                                TenancySpell.ended(
                                        date("2024-05-01"),
                                        date("2026-06-20"),
                                        EndReason.TENANT_TERMINATED_VOLUNTARY,
                                        DestinationCategory.TEMPORARY),
                                TenancySpell.active(date("2026-06-25")))),
                new Participation(null, "9999", "MALE", 1970, "p", List.of(TenancySpell.active(date("2025-01-01")))));

        RateCube cube = RateCube.build(SWEDEN, NationalMeasure.PARTICIPANTS, people, date("2026-06-30"));

        assertThat(count(cube, "SE", "TOTAL")).isEqualTo(3);
        assertThat(count(cube, "18", "TOTAL")).isEqualTo(3);
        assertThat(count(cube, "1880", "TOTAL")).isEqualTo(2);
        assertThat(count(cube, "1881", "TOTAL")).isEqualTo(1);
        assertThat(count(cube, "SE", "SEX:FEMALE")).isEqualTo(2);
        assertThat(count(cube, "SE", "SEX:MALE")).isEqualTo(1);
        assertThat(count(cube, "SE", "AGE:45-54")).isEqualTo(1);
        assertThat(count(cube, "SE", "AGE:55-64")).isEqualTo(1);
        assertThat(count(cube, "SE", "AGE:25-34")).isEqualTo(1);
        assertThat(cube.unlisted).isEqualTo(1);
        assertThat(cube.numerators).containsOnly(0L);
        assertThat(NationalMeasure.PARTICIPANTS.contents()).containsExactly("count");
    }

    /*
     * New enrolments in 2026Q2 (HF07), as the projection returns those dated in the quarter. P1 enrolled in Örebro on 10
     * April (SE_1_ACUTE) and again in Kumla on 2 May: counted once, in Örebro. P2 in Kumla on 20 June, SE_3. P3 in
     * Kumla and in Örebro, both on 1 April: the lower code, Örebro (1880), with its SE_1. P4 in Örebro, with a Norwegian
     * category: situation unknown. Örebro 3 (P1, P3, P4), Kumla 1 (P2); by situation SE_1 2 (P1, P3), SE_3 1, UNKNOWN
     * 1: the situations add up to the total. Ages in 2026: P1 41, P2 56, P3 66, P4 25.
     */
    @Test
    void newEnrolmentsCountEachPersonOnceWithTheirFirstEnrolmentOfTheQuarter() {
        List<Enrolled> enrolled = List.of(
                new Enrolled("P1", "1880", date("2026-04-10"), "FEMALE", 1985, "SE_1_ACUTE"),
                new Enrolled("P1", "1881", date("2026-05-02"), "FEMALE", 1985, "SE_2_INSTITUTION_OR_SUPPORTED_HOUSING"),
                new Enrolled("P2", "1881", date("2026-06-20"), "MALE", 1970, "SE_3_LONG_TERM_HOUSING_SOLUTION"),
                new Enrolled("P3", "1881", date("2026-04-01"), "MALE", 1960, "SE_2_INSTITUTION_OR_SUPPORTED_HOUSING"),
                new Enrolled("P3", "1880", date("2026-04-01"), "MALE", 1960, "SE_1_ACUTE"),
                new Enrolled("P4", "1880", date("2026-05-15"), null, 2001, "NO_ROUGH_SLEEPING"));

        List<RateCube.Unit> units = new ArrayList<>();
        for (Enrolled e : Participations.firstOfEach(enrolled)) {
            units.add(new RateCube.Unit(e.municipalityCode(), Breakdowns.of(e, "SE"), false));
        }
        List<String> categories = Breakdowns.enrolmentCategories("SE");
        RateCube cube = RateCube.build(SWEDEN, categories, units, true);

        assertThat(categories)
                .contains("SITUATION:SE_1_ACUTE", "SITUATION:SE_4_SHORT_TERM_OWN_ARRANGEMENT", "SITUATION:UNKNOWN")
                .noneMatch(c -> c.startsWith("SITUATION:NO_") || c.startsWith("COHORT:"));
        assertThat(count(cube, "SE", "TOTAL")).isEqualTo(4);
        assertThat(count(cube, "1880", "TOTAL")).isEqualTo(3);
        assertThat(count(cube, "1881", "TOTAL")).isEqualTo(1);
        assertThat(count(cube, "SE", "SITUATION:SE_1_ACUTE")).isEqualTo(2);
        assertThat(count(cube, "SE", "SITUATION:SE_2_INSTITUTION_OR_SUPPORTED_HOUSING"))
                .isZero();
        assertThat(count(cube, "SE", "SITUATION:SE_3_LONG_TERM_HOUSING_SOLUTION"))
                .isEqualTo(1);
        assertThat(count(cube, "SE", "SITUATION:UNKNOWN")).isEqualTo(1);
        assertThat(count(cube, "SE", "SEX:UNKNOWN")).isEqualTo(1);
        assertThat(count(cube, "SE", "AGE:25-34")).isEqualTo(1);
        assertThat(count(cube, "SE", "AGE:65-")).isEqualTo(1);
        // the situations are one additive group: they add up to the total in every region
        assertThat(Breakdowns.sums(categories))
                .anySatisfy(sum -> assertThat(sum)
                        .startsWith("TOTAL")
                        .contains("SITUATION:SE_1_ACUTE", "SITUATION:UNKNOWN")
                        .noneMatch(c -> c.startsWith("SEX:")));
    }

    /*
     * Leases and support in 2026Q2 (HF08, HF09, HF10), the worked example of docs/metrics.md, in Örebro:
     * A moved in 1 May on a second-hand contract, converted to a first-hand lease 1 June; support from 1 May, a completed
     *   contact 15 May.
     * B on a first-hand lease since February 2025; support throughout, its only contact in the quarter missed.
     * C housed since 2024 on a second-hand contract, evicted 1 March 2026; support ended 1 February 2026.
     * D moved in October 2025 on a second-hand contract, converted 15 July (after the quarter); support ended 15 April,
     *   a contact 2 April.
     * E has two tenancies on 30 June: a second-hand one, and a first-hand one from 20 June; no support.
     * First-hand share (of those housed on 30 June: A, B, D, E): A, B, E, so 3 of 4. Conversions in the quarter: A
     * (D's is in July): 1. Engagement (in support on some day of the quarter: A, B, D; C's ended before it): A and D
     * had a completed contact, so 2 of 3.
     */
    @Test
    void leasesAndSupportCountEachPersonOnTheirDefinitions() {
        Quarter q2 = Quarter.parse("2026Q2");
        LocalDate june30 = q2.lastDay();
        List<Participation> people = List.of(
                housed("A", "2026-05-01", null),
                housed("B", "2025-02-01", null),
                housed("C", "2024-06-01", "2026-03-01"),
                housed("D", "2025-10-01", null),
                new Participation(
                        "E",
                        "1880",
                        "MALE",
                        1980,
                        "p",
                        List.of(TenancySpell.active(date("2025-03-01")), TenancySpell.active(date("2026-06-20")))));
        Map<String, List<FirstHandLeases.Tenancy>> leases = Map.of(
                "A",
                List.of(lease("2026-05-01", null, ContractType.SECOND_HAND_SOCIAL, "2026-06-01")),
                "B",
                List.of(lease("2025-02-01", null, ContractType.FIRST_HAND_LEASE, null)),
                "C",
                List.of(lease("2024-06-01", "2026-03-01", ContractType.SECOND_HAND_SOCIAL, null)),
                "D",
                List.of(lease("2025-10-01", null, ContractType.SECOND_HAND_SOCIAL, "2026-07-15")),
                "E",
                List.of(
                        lease("2025-03-01", null, ContractType.SECOND_HAND_SOCIAL, null),
                        lease("2026-06-20", null, ContractType.FIRST_HAND_LEASE, null)));
        Map<String, List<MonthlyEngagement.Episode>> episodes = Map.of(
                "A", List.of(new MonthlyEngagement.Episode("A", date("2026-05-01"), null)),
                "B", List.of(new MonthlyEngagement.Episode("B", date("2025-02-01"), null)),
                "C", List.of(new MonthlyEngagement.Episode("C", date("2024-06-01"), date("2026-02-01"))),
                "D", List.of(new MonthlyEngagement.Episode("D", date("2025-10-01"), date("2026-04-15"))));
        // the projection gives those with a completed contact in the quarter: A (15 May) and D (2 April)
        Circumstances circumstances = new Circumstances(q2, leases, episodes, Set.of("A", "D"));

        RateCube share = RateCube.build(SWEDEN, NationalMeasure.FIRST_HAND_SHARE, people, june30, circumstances);
        RateCube conversions = RateCube.build(SWEDEN, NationalMeasure.CONVERSIONS, people, june30, circumstances);
        RateCube engagement = RateCube.build(SWEDEN, NationalMeasure.SUPPORT_ENGAGEMENT, people, june30, circumstances);

        assertThat(counts(share, "1880")).containsExactly(3, 4);
        assertThat(counts(conversions, "1880")).containsExactly(0, 1);
        assertThat(conversions.counts).isTrue();
        assertThat(counts(engagement, "1880")).containsExactly(2, 3);
        assertThat(NationalMeasure.SUPPORT_ENGAGEMENT.contents()).containsExactly("numerator", "denominator", "rate");
        assertThatThrownBy(() -> RateCube.build(SWEDEN, NationalMeasure.FIRST_HAND_SHARE, people, june30))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Participation housed(String person, String moveIn, String evicted) {
        TenancySpell spell = evicted == null
                ? TenancySpell.active(date(moveIn))
                : TenancySpell.ended(
                        date(moveIn), date(evicted), EndReason.EVICTION_RENT_ARREARS, DestinationCategory.HOMELESS);
        return new Participation(person, "1880", "FEMALE", 1980, "p", List.of(spell));
    }

    private static FirstHandLeases.Tenancy lease(String moveIn, String end, ContractType contract, String converted) {
        return new FirstHandLeases.Tenancy(
                date(moveIn),
                end == null ? null : date(end),
                contract,
                converted == null
                        ? List.of()
                        : List.of(new FirstHandLeases.Conversion(
                                date(converted), contract, ContractType.FIRST_HAND_LEASE)));
    }

    private static long[] counts(RateCube cube, String region) {
        int cell = cube.cell(cube.regionIndex(region), cube.categoryIndex("TOTAL"));
        return new long[] {cube.numerators[cell], cube.denominators[cell]};
    }

    /*
     * Programme fidelity (HF11) on 2026-06-30, the worked example of docs/metrics.md. Örebro: A assessed externally
     * 2025-03-01 (80 %) and by itself 2026-05-01 (60 %, the latest); B externally 2026-01-15 (70 %); C externally
     * 2024-05-01 (90 %, older than 24 months: not current); D on another scale (75 %). Kumla: E by itself 2025-09-01
     * (80 %). Counted: A 60 (self), B 70 (external), E 80 (self): 3 programmes, mean 70 %, SD 10, t(0.975, 2) = 4.303,
     * interval 70 ± 4.303 × 10 / √3 = [45.2, 94.8]; self-assessed 2, mean 70; external 1, mean 70, no interval.
     */
    @Test
    void fidelityAveragesEachProgrammesLatestCurrentAssessment() {
        Map<String, List<ProgrammeFidelity.Assessment>> assessments = new LinkedHashMap<>();
        assessments.put(
                "1880",
                List.of(
                        assessment("A", "2025-03-01", "EXTERNAL", 80, "PATHWAYS_HF"),
                        assessment("C", "2024-05-01", "EXTERNAL", 90, "PATHWAYS_HF"),
                        assessment("B", "2026-01-15", "EXTERNAL", 70, "PATHWAYS_HF"),
                        assessment("A", "2026-05-01", "SELF", 60, "PATHWAYS_HF"),
                        assessment("D", "2026-02-01", "EXTERNAL", 75, "OTHER")));
        assessments.put("1881", List.of(assessment("E", "2025-09-01", "SELF", 80, "PATHWAYS_HF")));

        RateCube cube = RateCube.build(
                SWEDEN,
                Breakdowns.programmeCategories(),
                Participations.programmes(assessments, date("2026-06-30")),
                true,
                NationalMeasure.FIDELITY.averaged());
        List<String> contents = NationalMeasure.FIDELITY.contents();
        TableDocuments.Data data =
                data(NationalMeasure.FIDELITY, cube, List.of("SE", "1880", "1881"), Breakdowns.programmeCategories());

        assertThat(contents)
                .startsWith("programmes", "mean:percent", "lower:percent", "upper:percent")
                .contains("mean:service_array")
                .hasSize(9);
        assertThat(value(data, 0, 0, contents.indexOf("programmes"))).isEqualTo(3L);
        assertThat(value(data, 0, 0, contents.indexOf("mean:percent"))).hasToString("70.0");
        assertThat(value(data, 0, 0, contents.indexOf("lower:percent"))).hasToString("45.2");
        assertThat(value(data, 0, 0, contents.indexOf("upper:percent"))).hasToString("94.8");
        assertThat(value(data, 0, 0, contents.indexOf("mean:service_array"))).hasToString("2.50");
        assertThat(value(data, 1, 0, contents.indexOf("programmes"))).isEqualTo(2L);
        assertThat(value(data, 1, 2, contents.indexOf("mean:percent"))).hasToString("60.0");
        assertThat(value(data, 0, 1, contents.indexOf("mean:percent"))).hasToString("70.0");
        assertThat(value(data, 0, 1, contents.indexOf("lower:percent"))).isNull();
        assertThat(value(data, 2, 2, contents.indexOf("mean:percent"))).hasToString("80.0");
    }

    /*
     * Quality-of-life change (HF12), the worked example of docs/metrics.md's quality-of-life section: five people in
     * Örebro whose physical score changed by 5, 10, -5, 15 and 0 from baseline to 12 months (the other domains by 0):
     * mean 5.0, SD 7.906, t(0.975, 4) = 2.776, interval [-4.8, 14.8]. A sixth person's baseline is of another version of
     * the instrument than the follow-up: no pair. A seventh has a later baseline of the same version, which the latest
     * follow-up is paired with.
     */
    @Test
    void qualityOfLifeChangesPairOneVersionPerPersonAndAverageThem() {
        List<QualityOfLifeChanges.Assessment> recorded = new ArrayList<>();
        double[] changes = {5, 10, -5, 15, 0};
        for (int i = 0; i < changes.length; i++) {
            recorded.add(whoqol("P" + i, "SV-1998", true, 50));
            recorded.add(whoqol("P" + i, "SV-1998", false, 50 + changes[i]));
        }
        recorded.add(whoqol("P5", "SV-1998", true, 40));
        recorded.add(whoqol("P5", "NO-2004", false, 90));
        recorded.add(whoqol("P6", "SV-1998", true, 40));
        recorded.add(whoqol("P6", "SV-1998", true, 45));
        recorded.add(whoqol("P6", "SV-1998", false, 50));

        Map<String, Map<String, Double>> paired = Participations.changes(recorded);

        assertThat(paired).doesNotContainKey("P5");
        assertThat(paired.get("P6")).containsEntry("physical_100", 5.0);
        assertThat(paired.get("P1")).containsEntry("physical_100", 10.0).containsEntry("social_100", 0.0);
        List<RateCube.Unit> units = new ArrayList<>();
        for (int i = 0; i < changes.length; i++) {
            units.add(new RateCube.Unit("1880", List.of("TOTAL"), false, paired.get("P" + i)));
        }
        NationalMeasure measure = NationalMeasure.WHOQOL_BREF_CHANGE;
        RateCube cube = RateCube.build(SWEDEN, List.of("TOTAL"), units, true, measure.averaged());
        TableDocuments.Data data = data(measure, cube, List.of("SE", "1880"), List.of("TOTAL"));
        List<String> contents = measure.contents();

        assertThat(contents).startsWith("count", "mean:physical_100", "lower:physical_100", "upper:physical_100");
        assertThat(value(data, 1, 0, 0)).isEqualTo(5L);
        assertThat(value(data, 1, 0, contents.indexOf("mean:physical_100"))).hasToString("5.0");
        assertThat(value(data, 1, 0, contents.indexOf("lower:physical_100"))).hasToString("-4.8");
        assertThat(value(data, 1, 0, contents.indexOf("upper:physical_100"))).hasToString("14.8");
        assertThat(value(data, 1, 0, contents.indexOf("mean:social_100"))).hasToString("0.0");
        assertThat(value(data, 1, 0, contents.indexOf("lower:social_100"))).hasToString("0.0");
    }

    private static QualityOfLifeChanges.Assessment whoqol(
            String person, String version, boolean baseline, double physical) {
        return new QualityOfLifeChanges.Assessment(
                person,
                version,
                null,
                baseline,
                Map.of(
                        "physical_100",
                        physical,
                        "psychological_100",
                        50.0,
                        "social_100",
                        50.0,
                        "environment_100",
                        50.0));
    }

    /** The whole of a table whose every cell is shown, for the documents' values. */
    private static TableDocuments.Data data(
            NationalMeasure measure, RateCube cube, List<String> regions, List<String> categories) {
        NationalTables.Definition definition = new NationalTables.Definition(measure.code() + "_SE", measure, SWEDEN);
        DisclosureControl.Status[] shown = new DisclosureControl.Status[cube.size()];
        java.util.Arrays.fill(shown, DisclosureControl.Status.PUBLISHED);
        NationalTables.Table table = new NationalTables.Table(
                definition,
                Quarter.parse("2026Q2"),
                java.time.Instant.EPOCH,
                java.time.Instant.EPOCH,
                cube,
                shown,
                new String[cube.size()],
                null);
        return new TableDocuments.Data(
                definition, regions, categories, List.of(table), measure.contents(), 5, StatisticsTexts.ENGLISH);
    }

    private static Object value(TableDocuments.Data data, int region, int category, int content) {
        return data.cell(region, category, 0, content)[0];
    }

    /** An assessment whose domain means are all 2.5. */
    private static ProgrammeFidelity.Assessment assessment(
            String programme, String on, String assessor, double percent, String scale) {
        Map<String, Double> domains = new LinkedHashMap<>();
        NationalMeasure.FIDELITY_VALUES.subList(1, 6).forEach(domain -> domains.put(domain, 2.5));
        return new ProgrammeFidelity.Assessment(
                programme,
                scale,
                "PHF-38-2013",
                date(on),
                assessor,
                (int) Math.round(percent * 152 / 100),
                percent,
                domains);
    }

    @Test
    void quartersKnowTheirFirstDay() {
        assertThat(Quarter.parse("2026Q2").firstDay()).isEqualTo(date("2026-04-01"));
        assertThat(Quarter.parse("2026Q4").firstDay()).isEqualTo(date("2026-10-01"));
    }

    private static long count(RateCube cube, String region, String category) {
        return cube.denominators[cube.cell(cube.regionIndex(region), cube.categoryIndex(category))];
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
