package org.housingfirst.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.housingfirst.outcomes.TestEvents.ended;
import static org.housingfirst.outcomes.TestEvents.pseudonym;
import static org.housingfirst.outcomes.TestEvents.started;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.ConsentPurpose;
import org.housingfirst.contracts.support.ConsentWithdrawn;
import org.housingfirst.contracts.support.Sex;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.outcomes.statistics.JsonStatCheck;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.ServiceIntegrationTest;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * National statistics as an agency fetches them: releases published on the calendar and frozen, PxWebApi-shaped tables
 * in JSON-stat 2.0 and CSV served from them, disclosure control played against by an attacker, consent withdrawals
 * honoured, and a late correction published as a revision.
 */
// a context and database of its own: it counts every release it publishes. Its quarters start in 2024Q3: nine per
// country hold every cohort this population settles (it moved in from 2023) at less than half the publication time
@TestPropertySource(
        properties = {"platform.statistics.revisable-quarters=8", "platform.statistics.first-period=2024Q3"})
class NationalStatisticsIT extends ServiceIntegrationTest {

    private static final String[] MUNICIPALITIES = {"4601", "4602", "4611", "0301", "5001", "1103"};
    private static final Instant LATE = Instant.parse("2026-11-01T09:00:00Z");
    private static final String DATA = "/api/v2/tables/HF05_NO/data";
    private static final String FIRST_RELEASE = "/api/v1/statistics/releases/NO-2026Q3-1/tables/HF05_NO";
    private static final String OPERATOR = TestTokens.token("operator", "NO", "0301", "platform-operations");

    /** Participants per municipality code: [moved in, still housed on 2026-09-30, withdrew consent]. */
    private final Map<String, List<boolean[]>> expected = new HashMap<>();

    /** Five Bergen participants reported evicted late: the revision's national change, k = 5 persons. */
    private final List<ContractEvent> lateEvictions = new ArrayList<>();

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext context;

    /** The documents of Norway's first release of 2026Q3, HF05_NO, as served when it was published. */
    private String firstReleaseJson;

    private String firstReleaseCsv;

    private Api.Response firstPublication;

    private Api.Response revisionPublication;

    /** Topics of its own: Norway's tables hold this population alone, whatever ran before on the broker. */
    private static final String TOPICS = "national-statistics-it.";

    @org.springframework.test.context.DynamicPropertySource
    static void ownTopics(org.springframework.test.context.DynamicPropertyRegistry registry) {
        TestEvents.consumeOwnTopics(registry, TOPICS);
    }

    @Override
    protected String topicName() {
        return TOPICS + TenancyEvents.TOPIC;
    }

    /*
     * 240 participants over six Norwegian municipalities in four counties, seeded: each moved in between 2023 and 2025,
     * one in four lost the flat by 2026-06-01 (all recorded 2026-06-30), one in twenty withdrew consent for national
     * statistics. The operator publishes what is due on 2026-11-24 (the test clock): every quarter from 2024Q3 through
     * 2026Q3, for both countries. Then, recorded on 2026-11-01 and arriving after that release, five Bergen participants
     * are reported evicted as of 2026-08-01, and the operator publishes again.
     */
    @BeforeAll
    void publishPopulation() {
        Random random = new Random(20261125);
        List<ContractEvent> events = new ArrayList<>();
        Sex[] sexes = {Sex.FEMALE, Sex.MALE, Sex.OTHER, null};
        Map<String, UUID> housedInBergen = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 240; i++) {
            String code = MUNICIPALITIES[Math.min(random.nextInt(8), MUNICIPALITIES.length - 1)];
            Municipality municipality = new Municipality("NO", code, "SSB-KLASS-131-2024");
            String participant = pseudonym(municipality, i);
            LocalDate moveIn = LocalDate.parse("2023-01-01").plusDays(random.nextInt(1000));
            UUID tenancy = UUID.randomUUID();
            events.add(TestEvents.enrolled(
                    municipality,
                    participant,
                    moveIn.minusDays(20),
                    TestEvents.RECORDED,
                    1950 + random.nextInt(50),
                    sexes[random.nextInt(sexes.length)]));
            events.add(started(municipality, participant, tenancy, moveIn.toString()));
            boolean lost = random.nextInt(4) == 0;
            if (lost) {
                events.add(ended(municipality, participant, tenancy, "2026-06-01", EndReason.EVICTION_RENT_ARREARS));
            }
            boolean withdrew = random.nextInt(20) == 0;
            if (withdrew) {
                events.add(new ConsentWithdrawn(
                        UUID.randomUUID(),
                        participant,
                        "org",
                        municipality,
                        LocalDate.parse("2026-05-01"),
                        TestEvents.RECORDED,
                        ConsentPurpose.NATIONAL_STATISTICS));
            }
            expected.computeIfAbsent(code, c -> new ArrayList<>()).add(new boolean[] {true, !lost, withdrew});
            if (code.equals("4601") && !lost && !withdrew && housedInBergen.size() < 5) {
                housedInBergen.put(participant, tenancy);
            }
        }
        // One person in two municipalities: housed in Oslo, rehoused in Bergen, withdrew consent in Oslo only. The
        // withdrawal is hers, not Oslo's: neither participation may be counted.
        Municipality oslo = new Municipality("NO", "0301", "SSB-KLASS-131-2024");
        Municipality bergen = new Municipality("NO", "4601", "SSB-KLASS-131-2024");
        String movedOn = pseudonym(oslo, 1_000);
        UUID inOslo = UUID.randomUUID();
        events.add(started(oslo, movedOn, inOslo, "2023-03-01"));
        events.add(ended(oslo, movedOn, inOslo, "2024-05-01", EndReason.REHOUSED_WITHIN_PROGRAMME));
        events.add(started(bergen, movedOn, UUID.randomUUID(), "2024-05-10"));
        events.add(new ConsentWithdrawn(
                UUID.randomUUID(),
                movedOn,
                "org",
                oslo,
                LocalDate.parse("2026-05-01"),
                TestEvents.RECORDED,
                ConsentPurpose.NATIONAL_STATISTICS));
        expected.computeIfAbsent("0301", c -> new ArrayList<>()).add(new boolean[] {true, false, true});
        expected.computeIfAbsent("4601", c -> new ArrayList<>()).add(new boolean[] {true, true, true});
        housedInBergen.forEach((participant, tenancy) -> lateEvictions.add(new TenancyEnded(
                UUID.randomUUID(),
                participant,
                "org",
                new Municipality("NO", "4601", "SSB-KLASS-131-2024"),
                LocalDate.parse("2026-08-01"),
                LATE,
                tenancy,
                EndReason.EVICTION_DISTURBANCE,
                DestinationCategory.HOMELESS,
                EndInitiatedBy.LANDLORD)));
        assertThat(lateEvictions).hasSize(5);
        TestEvents.publishAll(jdbc, events, TOPICS);
        Api client = new Api(port);
        firstPublication = client.post("/api/v1/operations/releases", OPERATOR, "");
        firstReleaseJson = client.get(FIRST_RELEASE, TestTokens.national()).body();
        firstReleaseCsv = client.get(FIRST_RELEASE + "?outputFormat=csv", TestTokens.national())
                .body();
        TestEvents.publishAll(jdbc, lateEvictions, TOPICS);
        revisionPublication = client.post("/api/v1/operations/releases", OPERATOR, "");
    }

    @Test
    void dueQuartersArePublishedOnceAndTheLateEvictionsAreOneRevision() {
        assertThat(firstPublication.status()).as(firstPublication.body()).isEqualTo(200);
        List<String> first = firstPublication
                .json()
                .get("releases")
                .valueStream()
                .map(r -> r.get("id").asString())
                .toList();
        // 2024Q3 through 2026Q3 is 9 quarters, for each country
        assertThat(first).hasSize(2 * 9).contains("SE-2024Q3-1", "NO-2026Q3-1");
        assertThat(revisionPublication.status()).as(revisionPublication.body()).isEqualTo(200);
        JsonNode revision = revisionPublication.json().get("releases");
        assertThat(revision.size()).isEqualTo(1);
        assertThat(revision.get(0).get("id").asString()).isEqualTo("NO-2026Q3-2");
        assertThat(revision.get(0).get("revises").asString()).isEqualTo("NO-2026Q3-1");
        assertThat(revision.get(0).get("note").asString()).contains("Revision 1 of 2026Q3", "NO-2026Q3-1");
        assertThat(revision.get(0).get("tables").size()).isEqualTo(14);
        // nothing more is due: publishing again publishes nothing
        Api.Response again = api.post("/api/v1/operations/releases", OPERATOR, "");
        assertThat(again.json().get("releases").size()).isZero();
        assertThat(get("/api/v1/statistics/releases", TestTokens.national())
                        .json()
                        .get("releases")
                        .size())
                .isEqualTo(2 * 9 + 1);
    }

    /* A published release returns the same bytes after its revision; the tables serve the revision, marked r. */
    @Test
    void aLateCorrectionIsANewReleaseMarkedRevisedAndTheFirstReleaseStaysAsPublished() {
        assertThat(get(FIRST_RELEASE, TestTokens.national()).body()).isEqualTo(firstReleaseJson);
        assertThat(get(FIRST_RELEASE + "?outputFormat=csv", TestTokens.national())
                        .body())
                .isEqualTo(firstReleaseCsv);
        Map<String, String> total = Map.of("region", "NO", "breakdown", "TOTAL", "contents", "numerator");
        JsonNode released = Api.JSON.readTree(firstReleaseJson);
        int position = JsonStatCheck.position(released, total);
        assertThat(released.get("status").has(String.valueOf(position))).isFalse();
        assertThat(released.get("extension")
                        .get("release")
                        .get("2026Q3")
                        .get("id")
                        .asString())
                .isEqualTo("NO-2026Q3-1");

        String cells = DATA
                + "?valuecodes[region]=NO&valuecodes[breakdown]=TOTAL&valuecodes[period]=2026Q3&valuecodes[contents]=numerator";
        JsonNode now = get(cells, TestTokens.national()).json();
        assertThat(now.get("value").get(0).asLong())
                .isEqualTo(released.get("value").get(position).asLong() - 5);
        assertThat(now.get("status").get("0").asString()).isEqualTo("r");
        assertThat(now.get("extension").get("release").get("2026Q3").get("id").asString())
                .isEqualTo("NO-2026Q3-2");
        assertThat(get("/api/v1/statistics/releases/NO-2026Q3-2/tables/HF05_NO", TestTokens.national())
                        .json()
                        .get("value")
                        .get(position)
                        .asLong())
                .isEqualTo(now.get("value").get(0).asLong());
        // an earlier quarter the eviction does not touch keeps its first release
        JsonNode q2 = get(
                        DATA + "?valuecodes[region]=NO&valuecodes[period]=2026Q2&valuecodes[contents]=*",
                        TestTokens.national())
                .json();
        assertThat(q2.get("extension").get("release").get("2026Q2").get("id").asString())
                .isEqualTo("NO-2026Q2-1");
    }

    /*
     * The differencing attacker: for every table of the revision, every cell shown both in it and in the first release
     * differs by 0 or by at least k = 5 persons in numerator, denominator and complement; a smaller change would show
     * a few people's new status. The five late evictions change the national numerator by 5 (shown, r), while a sex or
     * age cell of Bergen changes by fewer and is hidden in the revision.
     */
    @Test
    void nothingShownInBothReleasesChangesByFewerThanKPersons() {
        int hiddenForChange = 0;
        for (String table : List.of("HF01_NO", "HF02_NO", "HF03_NO", "HF04_NO", "HF05_NO", "HF06_NO")) {
            JsonNode first = get("/api/v1/statistics/releases/NO-2026Q3-1/tables/" + table, TestTokens.national())
                    .json();
            JsonNode revision = get("/api/v1/statistics/releases/NO-2026Q3-2/tables/" + table, TestTokens.national())
                    .json();
            Map<String, long[]> before = JsonStatCheck.counts(first);
            Map<String, long[]> after = JsonStatCheck.counts(revision);
            for (var cell : before.entrySet()) {
                long[] was = cell.getValue();
                long[] now = after.get(cell.getKey());
                if (was == null) {
                    continue;
                }
                if (now == null) {
                    hiddenForChange++;
                    continue;
                }
                for (long change :
                        new long[] {now[0] - was[0], now[1] - was[1], (now[1] - now[0]) - (was[1] - was[0])}) {
                    assertThat(change == 0 || Math.abs(change) >= 5)
                            .as(table + " " + cell.getKey() + " changes by " + change)
                            .isTrue();
                }
            }
        }
        assertThat(hiddenForChange)
                .as("cells shown first and hidden in the revision")
                .isPositive();
    }

    /*
     * The interval attacker, as the public and as each municipality, against tables of the newest release (the
     * revision of 2026Q3), rebuilt from the published documents (and, for a municipality, its own row): no hidden cell
     * can be confined to fewer than k = 5 values of its numerator, denominator or complement. The test command attacks
     * one table of each shape: retention by cohort (HF01), the revised still-housed share (HF05) and a table of counts
     * (HF06), 45 s alone on two cores; -Dattackers.tables=all attacks HF01-HF06 (102 s). (Three releases took the
     * attacker seven minutes.)
     */
    @Test
    void theIntervalAttackersNarrowNothingInTheNewestRelease() {
        List<String> tables = "all".equals(System.getProperty("attackers.tables"))
                ? List.of("HF01_NO", "HF02_NO", "HF03_NO", "HF04_NO", "HF05_NO", "HF06_NO")
                : List.of("HF01_NO", "HF05_NO", "HF06_NO");
        int hidden = 0;
        for (String release : List.of("NO-2026Q3-2")) {
            for (String table : tables) {
                hidden += JsonStatCheck.assertNothingNarrowed(
                        get("/api/v1/statistics/releases/" + release + "/tables/" + table, TestTokens.national())
                                .json(),
                        5,
                        context,
                        release,
                        table);
            }
        }
        assertThat(hidden).as("the attack had something to attack").isGreaterThan(30);
    }

    /*
     * The attacker across quarters: a cohort cell of a retention table is settled once every person of the cohort has
     * reached the follow-up point, and holds the same people in every later quarter. Reading every Norwegian release of
     * HF01-HF04, the attacker takes each settled cell shown in one quarter as known in every other quarter where it is
     * settled too, then eliminates in each release: nothing hidden follows, and no settled cell hidden in one quarter is
     * shown in another.
     */
    @Test
    void noHiddenCellFollowsFromAnotherQuarter() {
        Map<String, Integer> months = Map.of("HF01_NO", 6, "HF02_NO", 12, "HF03_NO", 24, "HF04_NO", 12);
        List<String> releases = get("/api/v1/statistics/releases", TestTokens.national())
                .json()
                .get("releases")
                .valueStream()
                .map(r -> r.get("id").asString())
                .filter(id -> id.startsWith("NO-"))
                .toList();
        int settledShown = 0;
        for (var table : months.entrySet()) {
            Map<String, JsonNode> documents = new java.util.LinkedHashMap<>();
            for (String release : releases) {
                documents.put(
                        release,
                        get(
                                        "/api/v1/statistics/releases/" + release + "/tables/" + table.getKey(),
                                        TestTokens.national())
                                .json());
            }
            for (var document : documents.entrySet()) {
                String period = document.getKey().substring(3, 9);
                Set<String> known = new java.util.HashSet<>();
                Set<String> hidden = new java.util.HashSet<>();
                Map<String, long[]> shown = JsonStatCheck.counts(document.getValue());
                for (String region : JsonStatCheck.codes(document.getValue(), "region")) {
                    for (String category : JsonStatCheck.codes(document.getValue(), "breakdown")) {
                        if (!shown.containsKey(region + "|" + category + "|" + period)) {
                            hidden.add(region + "|" + category);
                        }
                    }
                }
                for (var other : documents.entrySet()) {
                    String otherPeriod = other.getKey().substring(3, 9);
                    if (otherPeriod.equals(period)) {
                        continue;
                    }
                    for (String cell : JsonStatCheck.counts(other.getValue()).keySet()) {
                        String[] parts = cell.split("\\|");
                        if (settled(parts[1], period, table.getValue())
                                && settled(parts[1], otherPeriod, table.getValue())) {
                            known.add(parts[0] + "|" + parts[1]);
                        }
                    }
                }
                Set<String> exposed = new java.util.TreeSet<>(known);
                exposed.retainAll(hidden);
                assertThat(exposed)
                        .as(document.getKey() + " " + table.getKey() + ": settled cells shown elsewhere")
                        .isEmpty();
                JsonStatCheck.assertNothingDerivable(document.getValue(), 5, known);
                settledShown += known.size();
            }
        }
        assertThat(settledShown)
                .as("the attacker knew something from other quarters")
                .isPositive();
    }

    /** Whether a cohort category has settled at a quarter's last day for a follow-up of so many months. */
    private static boolean settled(String category, String period, int months) {
        if (!category.startsWith("COHORT:")) {
            return false;
        }
        String cohort = category.substring(7);
        LocalDate lastMoveIn = cohort.length() == 4
                ? LocalDate.of(Integer.parseInt(cohort), 12, 31)
                : LocalDate.of(Integer.parseInt(cohort.substring(0, 4)), 3 * (cohort.charAt(5) - '0'), 1)
                        .withDayOfMonth(1)
                        .plusMonths(1)
                        .minusDays(1);
        LocalDate reference = LocalDate.of(Integer.parseInt(period.substring(0, 4)), 3 * (period.charAt(5) - '0'), 1)
                .plusMonths(1)
                .minusDays(1);
        return !lastMoveIn.plusMonths(months).isAfter(reference);
    }

    /* No arbitrary knownAt for anyone, only releases; publishing is the operator's; the rows refuse any change. */
    @Test
    void tablesAreReadOnlyAsReleasedAndAReleaseCannotBeChanged() {
        Api.Response knownAt = api.get(DATA + "?knownAt=2026-10-20T00:00:00Z", TestTokens.national());
        assertThat(knownAt.status()).isEqualTo(400);
        assertThat(knownAt.body()).contains("knownAt");
        assertThat(api.get(DATA + "?knownAt=2026-10-20T00:00:00Z", TestTokens.malmoAnalyst())
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/operations/releases", TestTokens.national(), "")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/statistics/releases/NO-2026Q3-9", TestTokens.national())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/statistics/releases/NO-2026Q3-1/tables/HF05_SE", TestTokens.national())
                        .status())
                .isEqualTo(404);
        assertThatThrownBy(() -> jdbc.sql(
                                "UPDATE statistics_release SET note = 'changed' WHERE release_id =" + " 'NO-2026Q3-1'")
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM statistics_release_table WHERE release_id = 'NO-2026Q3-1'")
                        .update())
                .hasMessageContaining("immutable");
        assertThat(get(FIRST_RELEASE, TestTokens.national()).body()).isEqualTo(firstReleaseJson);
    }

    @Test
    void tablesAreListedInThePxWebApiShape() {
        JsonNode list =
                get("/api/v2/tables?pageSize=100", TestTokens.national()).json();
        assertThat(list.get("tables").size()).isEqualTo(28);
        JsonNode table = list.get("tables").get(18);
        assertThat(table.get("id").asString()).isEqualTo("HF05_NO");
        assertThat(table.get("lastPeriod").asString()).isEqualTo("2026Q3");
        assertThat(table.get("variableNames").toString()).contains("region", "breakdown", "period", "contents");
        JsonNode metadata =
                get("/api/v2/tables/HF05_NO/metadata", TestTokens.national()).json();
        assertThat(metadata.get("class").asString()).isEqualTo("dataset");
        assertThat(metadata.get("dimension")
                        .get("region")
                        .get("category")
                        .get("index")
                        .size())
                .isEqualTo(1 + 15 + 357);
    }

    /* Still housed on 2026-09-30 (the last day of 2026Q3), counted by hand from the generated population. */
    @Test
    void nationalTotalsLeaveOutWithdrawnConsentAndMatchTheHandCount() {
        int denominator = 0;
        int numerator = 0;
        for (var entry : expected.entrySet()) {
            for (boolean[] p : entry.getValue()) {
                if (!p[2]) {
                    denominator++;
                    numerator += p[1] ? 1 : 0;
                }
            }
        }
        numerator -= 5; // the late evictions in Bergen
        JsonNode data = get(
                        DATA
                                + "?valuecodes[region]=NO,46&valuecodes[breakdown]=TOTAL&valuecodes[period]=2026Q3&valuecodes[contents]=*",
                        TestTokens.national())
                .json();
        JsonStatCheck.assertStructure(data);
        List<JsonNode> values = data.get("value").valueStream().toList();
        assertThat(values.get(0).asLong()).isEqualTo(numerator);
        assertThat(values.get(1).asLong()).isEqualTo(denominator);
        // Vestland (46): hidden, as policy v3 hides it so that Bergen cannot subtract its own counts and have a
        // neighbour's
        assertThat(data.get("status").path("3").asString(null)).isEqualTo(":");
        assertThat(data.get("extension").get("disclosurePolicy").asString())
                .isEqualTo("k5-primary-secondary-insider-interval-v4");
    }

    /* From every table a national caller can fetch, over two quarters, no suppressed value follows by subtraction. */
    @Test
    void anAttackerCannotDeriveASuppressedCellFromAnyTable() {
        JsonNode list =
                get("/api/v2/tables?pageSize=100", TestTokens.national()).json();
        int suppressedSeen = 0;
        for (JsonNode table : list.get("tables")) {
            JsonNode data = get(
                            "/api/v2/tables/" + table.get("id").asString()
                                    + "/data?valuecodes[region]=*&valuecodes[breakdown]=*"
                                    // the first three contents: numerator, denominator and rate, or the count first
                                    + "&valuecodes[period]=2026Q2,2026Q3&valuecodes[contents]=top(3)",
                            TestTokens.national())
                    .json();
            JsonStatCheck.assertStructure(data);
            suppressedSeen += JsonStatCheck.assertNothingDerivable(data, 5);
        }
        assertThat(suppressedSeen).as("the attack had something to attack").isGreaterThan(100);
    }

    @Test
    void csvCarriesTheSameNumbersAndShowsSuppressedCellsAsColon() {
        String selection = "?valuecodes[region]=*&valuecodes[breakdown]=TOTAL,SEX:FEMALE,SEX:MALE,SEX:OTHER"
                + "&valuecodes[period]=2026Q3&valuecodes[contents]=*";
        JsonNode json = get(DATA + selection, TestTokens.national()).json();
        Api.Response csv = get(DATA + selection + "&outputFormat=csv", TestTokens.national());
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(JsonStatCheck.csvValues(csv.body())).isEqualTo(JsonStatCheck.values(json));
        assertThat(csv.body()).contains(",:,:,:,");
    }

    @Test
    void nationalCallersSeeNoMunicipalityMetricsAndBadSelectionsAreNamed() {
        assertThat(api.get("/api/v1/metrics/still-housed?asOf=2026-06-30", TestTokens.national())
                        .status())
                .isEqualTo(403);
        assertThat(api.get(DATA, TestTokens.malmoAnalyst()).status()).isEqualTo(200);
        Api.Response unknownRegion = api.get(DATA + "?valuecodes[region]=9999", TestTokens.national());
        assertThat(unknownRegion.status()).isEqualTo(400);
        assertThat(unknownRegion.body()).contains("valuecodes[region]");
        Api.Response unknownFormat = api.get(DATA + "?outputFormat=parquet", TestTokens.national());
        assertThat(unknownFormat.status()).isEqualTo(400);
        assertThat(unknownFormat.body()).contains("outputFormat");
        Api.Response unknownTable = api.get("/api/v2/tables/HF99_SE/data", TestTokens.national());
        assertThat(unknownTable.status()).isEqualTo(404);
        Api.Response unknownVariable = api.get(DATA + "?valuecodes[colour]=red", TestTokens.national());
        assertThat(unknownVariable.status()).isEqualTo(400);
        assertThat(unknownVariable.body()).contains("valuecodes[colour]");
    }

    @Test
    void theOpenApiDescriptionNamesEveryEndpoint() {
        String description = get("/v3/api-docs", null).body();
        assertThat(description)
                .contains(
                        "/api/v2/tables/{id}/data",
                        "/api/v2/tables/{id}/metadata",
                        "/api/v2/config",
                        "/api/v1/metrics/period-retention",
                        "/api/v1/metrics/returns-to-homelessness",
                        "/api/v1/metrics/time-to-housing",
                        "/api/v1/metrics/retention/breakdown",
                        "/api/v1/operations/rebuilds",
                        "/api/v1/operations/releases",
                        "/api/v1/statistics/releases/{releaseId}/tables/{tableId}",
                        "/api/v1/operations/set-aside");
        // the scheme the controllers name is defined, and the token's reporting unit is no query parameter
        assertThat(description).contains("\"securitySchemes\":{\"bearer\"").doesNotContain("\"name\":\"unit\"");
    }

    private Api.Response get(String path, String token) {
        Api.Response response = api.get(path, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}
