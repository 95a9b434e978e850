package org.housingfirst.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.geography.CodeLists;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.AssessorType;
import org.housingfirst.contracts.support.ConsentPurpose;
import org.housingfirst.contracts.support.ConsentRecorded;
import org.housingfirst.contracts.support.ConsentWithdrawn;
import org.housingfirst.contracts.support.ContactMode;
import org.housingfirst.contracts.support.EpisodeEndReason;
import org.housingfirst.contracts.support.ExitReason;
import org.housingfirst.contracts.support.FidelityAssessed;
import org.housingfirst.contracts.support.FidelityScale;
import org.housingfirst.contracts.support.HomelessnessDuration;
import org.housingfirst.contracts.support.HomelessnessSituation;
import org.housingfirst.contracts.support.ParticipantEnrolled;
import org.housingfirst.contracts.support.ParticipantExited;
import org.housingfirst.contracts.support.QualityOfLifeAssessed;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.contracts.support.ReferralSource;
import org.housingfirst.contracts.support.Sex;
import org.housingfirst.contracts.support.StaffRole;
import org.housingfirst.contracts.support.SupportAccepted;
import org.housingfirst.contracts.support.SupportContactRecorded;
import org.housingfirst.contracts.support.SupportDeclineReason;
import org.housingfirst.contracts.support.SupportDeclined;
import org.housingfirst.contracts.support.SupportEpisodeEnded;
import org.housingfirst.contracts.support.SupportEpisodeStarted;
import org.housingfirst.contracts.support.SupportModel;
import org.housingfirst.contracts.support.SupportOffered;
import org.housingfirst.contracts.support.SupportServiceType;
import org.housingfirst.contracts.tenancy.AbsenceType;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.contracts.tenancy.TemporaryAbsenceEnded;
import org.housingfirst.contracts.tenancy.TemporaryAbsenceStarted;
import org.housingfirst.contracts.tenancy.TenancyContractConverted;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.outcomes.consumption.BatchStore;
import org.housingfirst.outcomes.consumption.ProjectionVersions;
import org.housingfirst.outcomes.figures.FigureCache;
import org.housingfirst.outcomes.pathways.PeriodRetention;
import org.housingfirst.outcomes.pathways.ReturnsToHomelessness;
import org.housingfirst.outcomes.pathways.TimeToHousing;
import org.housingfirst.outcomes.qualityoflife.QualityOfLifeChanges;
import org.housingfirst.outcomes.retention.EvictionRate;
import org.housingfirst.outcomes.retention.ProgrammeRetention;
import org.housingfirst.outcomes.retention.RetentionCurve;
import org.housingfirst.outcomes.retention.RetentionDefinition;
import org.housingfirst.outcomes.retention.StillHoused;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.housingfirst.outcomes.statistics.Breakdowns;
import org.housingfirst.outcomes.statistics.JsonStatCheck;
import org.housingfirst.outcomes.statistics.Participation;
import org.housingfirst.outcomes.statistics.ReferenceTables;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.MutableClock;
import org.housingfirst.testbackends.ServiceIntegrationTest;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property: for random histories of several municipalities (re-enrolments, consent changes, rehousing, absences,
 * conversions, support, assessments, and endings recorded long after the fact), delivered twice in part and
 * interleaved across both topics in random batches through the consumer's own storing path, every figure the API
 * serves from the projections equals the figure recomputed from scratch from the event log ({@link
 * EventLogReference}, today's loaders before projections), for several pairs of as-of date and known-at instant.
 * National tables are compared cell by cell, with disclosure control and revision status. Each history is generated
 * from a seed that a failure names; {@code -Dequivalence.seeds=} sets how many.
 */
class ProjectionEquivalenceIT extends ServiceIntegrationTest {

    private static final int SEEDS = Integer.getInteger("equivalence.seeds", 6);
    private static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("SE", "1280", "SCB-2025"),
            new Municipality("SE", "1281", "SCB-2025"),
            new Municipality("SE", "0180", "SCB-2025"),
            new Municipality("NO", "0301", "SSB-KLASS-131-2024"));
    private static final LocalDate FIRST = LocalDate.parse("2022-06-01");
    private static final LocalDate LAST = LocalDate.parse("2026-11-15");
    private static final Instant RECORDED_BY = Instant.parse("2026-11-20T00:00:00Z");

    /** as-of date and known-at instant (null: everything stored). */
    private record Pair(LocalDate asOf, Instant knownAt) {}

    private static final List<Pair> PAIRS = List.of(
            new Pair(LocalDate.parse("2026-11-20"), null),
            new Pair(LocalDate.parse("2026-06-30"), null),
            new Pair(LocalDate.parse("2026-06-30"), Instant.parse("2026-08-15T00:00:00Z")),
            new Pair(LocalDate.parse("2025-12-31"), Instant.parse("2026-01-31T00:00:00Z")),
            new Pair(LocalDate.parse("2025-06-30"), Instant.parse("2025-07-20T00:00:00Z")));

    @Autowired
    private BatchStore store;

    @Autowired
    private ProjectionVersions versions;

    @Autowired
    private CodeLists codeLists;

    @Autowired
    private MutableClock clock;

    @Autowired
    private FigureCache figures;

    private EventLogReference reference;

    @DynamicPropertySource
    static void noLiveConsumption(DynamicPropertyRegistry registry) {
        // the histories go through the consumer's storing path directly; nothing else may reach this database
        registry.add("platform.consumption.topics", () -> "equivalence.unused.tenancy,equivalence.unused.support");
    }

    @Override
    protected String topicName() {
        return "equivalence.unused.tenancy";
    }

    @Test
    void everyFigureFromTheProjectionsEqualsTheFigureRecomputedFromTheEventLog() {
        reference = new EventLogReference(jdbc);
        for (long seed = 1; seed <= SEEDS; seed++) {
            clear();
            Random random = new Random(seed);
            List<ContractEvent> history = new History(random).events();
            deliver(history, random);
            assertThat(jdbc.sql("SELECT count(*) FROM set_aside_record")
                            .query(Long.class)
                            .single())
                    .as("seed %d: nothing set aside", seed)
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM event_log")
                            .query(Long.class)
                            .single())
                    .as("seed %d: each event stored once", seed)
                    .isEqualTo(history.size());
            Api.Response published = api.post(
                    "/api/v1/operations/releases",
                    TestTokens.token("operator", "SE", "0180", "platform-operations"),
                    "");
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            for (Pair pair : PAIRS) {
                for (Municipality m : MUNICIPALITIES) {
                    compareMunicipality(seed, m, pair);
                }
                compareNationalTables(seed, pair);
            }
        }
    }

    private void compareMunicipality(long seed, Municipality m, Pair pair) {
        LocalDate asOf = pair.asOf();
        Instant known = pair.knownAt();
        String token = TestTokens.token("analyst", m.country(), m.code(), "org");
        String k = known == null ? "" : "&knownAt=" + known;
        Map<String, List<TenancySpell>> spells = reference.spellsByParticipant(m, asOf, known);
        List<List<TenancySpell>> participants = List.copyOf(spells.values());
        String at = "seed " + seed + ", " + m.code() + ", asOf " + asOf + ", knownAt " + known + ": ";

        for (int months : new int[] {6, 12, 24}) {
            RetentionDefinition strict = RetentionDefinition.strict(months);
            expect(
                    at,
                    "/retention?months=" + months + "&asOf=" + asOf + k,
                    token,
                    ProgrammeRetention.compute(participants, asOf, strict));
            expect(
                    at,
                    "/retention?months=" + months + "&variant=KNOWN_STATUS&asOf=" + asOf + k,
                    token,
                    ProgrammeRetention.compute(participants, asOf, RetentionDefinition.knownStatus(months)));
            expect(
                    at,
                    "/retention?months=" + months + "&basis=FIRST_TENANCY&asOf=" + asOf + k,
                    token,
                    ProgrammeRetention.computeFirstTenancy(participants, asOf, strict));
        }
        expect(
                at,
                "/retention?months=12&rehousingGapDays=0&asOf=" + asOf + k,
                token,
                ProgrammeRetention.compute(
                        participants, asOf, new RetentionDefinition(12, 0, RetentionDefinition.UnknownStatus.STRICT)));
        expect(at, "/retention-curve?asOf=" + asOf + k, token, RetentionCurve.estimate(participants, asOf, 14));
        expect(at, "/still-housed?asOf=" + asOf + k, token, StillHoused.compute(participants, asOf));
        List<Participation> own = reference.participations(m.country(), m.code(), asOf, known, false);
        for (Breakdowns.By by : Breakdowns.By.values()) {
            expect(
                    at,
                    "/retention/breakdown?months=12&by=" + by + "&asOf=" + asOf + k,
                    token,
                    groups(own, by, s -> ProgrammeRetention.compute(s, asOf, RetentionDefinition.strict(12))));
        }
        expect(
                at,
                "/retention-curve/breakdown?by=COHORT_YEAR&asOf=" + asOf + k,
                token,
                groups(own, Breakdowns.By.COHORT_YEAR, s -> RetentionCurve.estimate(s, asOf, 14)));

        LocalDate yearBefore = asOf.minusYears(1);
        expect(
                at,
                "/period-retention?from=" + yearBefore + "&to=" + asOf + "&asOf=" + asOf + k,
                token,
                PeriodRetention.compute(participants, yearBefore, asOf, 14));
        LocalDate exitsTo = asOf.minusMonths(24);
        if (!exitsTo.isBefore(FIRST)) {
            expect(
                    at,
                    "/returns-to-homelessness?from=" + FIRST + "&to=" + exitsTo + "&asOf=" + asOf + k,
                    token,
                    ReturnsToHomelessness.compute(reference.paths(m, asOf, known), FIRST, exitsTo, asOf));
        }
        expect(
                at,
                "/time-to-housing?from=" + FIRST + "&to=" + asOf + "&asOf=" + asOf + k,
                token,
                TimeToHousing.compute(reference.enrolments(m, FIRST, asOf, asOf, known), asOf));
        LocalDate halfYear = asOf.minusMonths(6);
        expect(
                at,
                "/first-hand-leases?asOf=" + asOf + "&from=" + halfYear + "&to=" + asOf + k,
                token,
                reference.firstHandLeases(m, asOf, halfYear, asOf, known));
        expect(
                at,
                "/first-hand-leases?asOf=" + halfYear + "&from=" + halfYear + "&to=" + asOf + k,
                token,
                reference.firstHandLeases(m, halfYear, halfYear, asOf, known));
        expect(
                at,
                "/evictions?from=" + yearBefore + "&to=" + asOf + k,
                token,
                EvictionRate.compute(
                        reference.spellsByParticipant(m, asOf, known).values().stream()
                                .flatMap(List::stream)
                                .toList(),
                        yearBefore,
                        asOf));
        for (YearMonth month :
                List.of(YearMonth.from(asOf), YearMonth.from(asOf).minusMonths(1))) {
            expect(
                    at,
                    "/engagement?month=" + month + "&asOf=" + asOf + k,
                    token,
                    reference.engagement(m, month, asOf, known));
        }
        for (String followUp : List.of("MONTH_6", "MONTH_12")) {
            expect(
                    at,
                    "/quality-of-life-change?instrument=WHOQOL_BREF&followUp=" + followUp + "&asOf=" + asOf + k,
                    token,
                    QualityOfLifeChanges.compute(reference.qualityOfLife(m, "WHOQOL_BREF", followUp, asOf, known)));
        }
    }

    /**
     * Every cell of every national table for the quarter before the as-of date, as the newest release serves it:
     * counts and suppression. National tables are served only as released, with everything stored at publication, so
     * only the pairs without knownAt apply.
     */
    private void compareNationalTables(long seed, Pair pair) {
        if (pair.knownAt() != null) {
            return;
        }
        LocalDate quarterEnd = YearMonth.from(pair.asOf())
                .minusMonths((pair.asOf().getMonthValue() - 1) % 3 + 1)
                .atEndOfMonth();
        String quarter = quarterEnd.getYear() + "Q" + (quarterEnd.getMonthValue() / 3);
        if (quarterEnd.isBefore(LocalDate.parse("2022-03-31"))) {
            return;
        }
        for (String country : List.of("SE", "NO")) {
            List<Participation> now = reference.participations(country, null, quarterEnd, null, true);
            for (String measure : ReferenceTables.measureCodes()) {
                String table = measure + "_" + country;
                String at = "seed " + seed + ", " + table + " " + quarter + ": ";
                Map<String, ReferenceTables.Cell> expected =
                        ReferenceTables.cells(codeLists.of(country).orElseThrow(), measure, now, quarterEnd, 5);
                Api.Response response = api.get(
                        "/api/v2/tables/" + table + "/data?valuecodes[region]=*&valuecodes[breakdown]=*"
                                + "&valuecodes[period]=" + quarter + "&valuecodes[contents]=*",
                        TestTokens.national());
                assertThat(response.status()).as(at + response.body()).isEqualTo(200);
                JsonNode data = response.json();
                List<String> regions = JsonStatCheck.codes(data, "region");
                List<String> categories = JsonStatCheck.codes(data, "breakdown");
                // a table of counts has one content, the count (the denominator)
                boolean counts = JsonStatCheck.codes(data, "contents").equals(List.of("count"));
                int width = counts ? 1 : 3;
                for (int r = 0; r < regions.size(); r++) {
                    for (int c = 0; c < categories.size(); c++) {
                        String cell = regions.get(r) + "|" + categories.get(c);
                        ReferenceTables.Cell e = expected.getOrDefault(cell, new ReferenceTables.Cell(0, 0, true));
                        int position = (r * categories.size() + c) * width;
                        String status = data.get("status")
                                .path(String.valueOf(position))
                                .asString(null);
                        if (e.denominator() > 0 && !e.published()) {
                            assertThat(status).as(at + cell + " suppressed").isEqualTo(":");
                            continue;
                        }
                        assertThat(status).as(at + cell + " shown").isNotEqualTo(":");
                        if (counts) {
                            assertThat(data.get("value").get(position).asLong())
                                    .as(at + cell + " count")
                                    .isEqualTo(e.denominator());
                            continue;
                        }
                        assertThat(data.get("value").get(position).asLong())
                                .as(at + cell + " numerator")
                                .isEqualTo(e.numerator());
                        assertThat(data.get("value").get(position + 1).asLong())
                                .as(at + cell + " denominator")
                                .isEqualTo(e.denominator());
                    }
                }
            }
        }
    }

    private void expect(String at, String path, String token, Object expected) {
        Api.Response response = api.get("/api/v1/metrics" + path, token);
        assertThat(response.status()).as(at + path + " " + response.body()).isEqualTo(200);
        // both parsed from text, so numbers have the same node types
        assertThat(response.json().get("result"))
                .as(at + path)
                .isEqualTo(Api.JSON.readTree(Api.JSON.writeValueAsString(expected)));
    }

    private static <T> ArrayNode groups(
            List<Participation> participations, Breakdowns.By by, Function<List<List<TenancySpell>>, T> compute) {
        Map<String, List<List<TenancySpell>>> groups = new TreeMap<>();
        participations.forEach(p -> groups.computeIfAbsent(Breakdowns.category(p, by), c -> new ArrayList<>())
                .add(p.spells()));
        ArrayNode array = Api.JSON.createArrayNode();
        groups.forEach((category, spells) -> {
            ObjectNode group = array.addObject();
            group.put("category", category);
            group.put("participants", spells.size());
            group.set("result", Api.JSON.valueToTree(compute.apply(spells)));
        });
        return array;
    }

    /** Empties the active version's tables, the set-aside records and the releases, for the next history. */
    private void clear() {
        String schema = "projection_v" + versions.active();
        List<String> tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = ?")
                .param(schema)
                .query(String.class)
                .list();
        jdbc.sql("TRUNCATE "
                        + String.join(
                                ", ", tables.stream().map(t -> schema + "." + t).toList()) + ", set_aside_record")
                .update();
        // and the releases, which refuse it otherwise: each history's tables are first releases, as the reference
        // computes them
        jdbc.sql("ALTER TABLE statistics_release_table DISABLE TRIGGER USER").update();
        jdbc.sql("ALTER TABLE statistics_release DISABLE TRIGGER USER").update();
        jdbc.sql("TRUNCATE statistics_release_table, statistics_release").update();
        jdbc.sql("ALTER TABLE statistics_release_table ENABLE TRIGGER USER").update();
        jdbc.sql("ALTER TABLE statistics_release ENABLE TRIGGER USER").update();
    }

    /**
     * Delivers the history as the topics would: about one event in five twice, both topics interleaved in random order,
     * in batches of random size, each through the consumer's storing path.
     */
    private void deliver(List<ContractEvent> history, Random random) {
        List<ContractEvent> deliveries = new ArrayList<>(history);
        for (ContractEvent e : history) {
            if (random.nextInt(5) == 0) {
                deliveries.add(e);
            }
        }
        Collections.shuffle(deliveries, random);
        Map<String, Long> offsets = new HashMap<>();
        int version = versions.active();
        for (int i = 0; i < deliveries.size(); ) {
            int size = 1 + random.nextInt(60);
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            for (ContractEvent e : deliveries.subList(i, Math.min(deliveries.size(), i + size))) {
                String topic = TestEvents.topicOf(e);
                long offset = offsets.merge(topic, 1L, Long::sum) - 1;
                batch.add(new ConsumerRecord<>(topic, 0, offset, e.partitionKey(), TestEvents.cloudEvent(e)));
            }
            store.store(version, batch);
            i += size;
        }
    }

    /** A random history that the producers would accept: plausible dates, one tenancy at a time, answers once. */
    private static final class History {

        private final Random random;
        private final List<ContractEvent> events = new ArrayList<>();

        History(Random random) {
            this.random = random;
        }

        List<ContractEvent> events() {
            for (Municipality m : MUNICIPALITIES) {
                int participants = 8 + random.nextInt(18);
                for (int i = 0; i < participants; i++) {
                    participant(m, TestEvents.pseudonym(m, i));
                }
                LocalDate assessed = date(FIRST, LAST);
                events.add(new FidelityAssessed(
                        UUID.randomUUID(),
                        "org",
                        m,
                        assessed,
                        recorded(assessed),
                        "programme-a",
                        UUID.randomUUID(),
                        FidelityScale.PATHWAYS_HF,
                        "TEST-4",
                        AssessorType.EXTERNAL,
                        Map.of("HP1", 4),
                        Map.of("housing_process", 4.0),
                        4,
                        100.0));
            }
            return events;
        }

        private void participant(Municipality m, String p) {
            LocalDate enrolled = date(FIRST, LAST.minusDays(60));
            enrol(m, p, enrolled);
            if (random.nextBoolean()) {
                events.add(new ConsentRecorded(
                        UUID.randomUUID(),
                        p,
                        "org",
                        m,
                        enrolled,
                        recorded(enrolled),
                        ConsentPurpose.NATIONAL_STATISTICS));
            }
            if (random.nextInt(6) == 0) {
                LocalDate withdrawn = date(enrolled, LAST);
                events.add(new ConsentWithdrawn(
                        UUID.randomUUID(),
                        p,
                        "org",
                        m,
                        withdrawn,
                        recorded(withdrawn),
                        ConsentPurpose.NATIONAL_STATISTICS));
                if (random.nextInt(3) == 0) {
                    LocalDate again = date(withdrawn, LAST);
                    events.add(new ConsentRecorded(
                            UUID.randomUUID(),
                            p,
                            "org",
                            m,
                            again,
                            recorded(again),
                            ConsentPurpose.NATIONAL_STATISTICS));
                }
            }
            if (random.nextInt(7) != 0) {
                tenancies(m, p, enrolled.plusDays(random.nextInt(200)));
            }
            if (random.nextInt(5) == 0) {
                LocalDate exited = date(enrolled, LAST.minusDays(30));
                DestinationCategory destination =
                        DestinationCategory.values()[random.nextInt(DestinationCategory.values().length)];
                events.add(new ParticipantExited(
                        UUID.randomUUID(),
                        p,
                        "org",
                        m,
                        exited,
                        recorded(exited),
                        "programme-a",
                        ExitReason.OTHER,
                        destination));
                if (random.nextBoolean()) {
                    enrol(m, p, date(exited, LAST));
                }
            }
            support(m, p, enrolled);
            qualityOfLife(m, p, enrolled);
        }

        private void enrol(Municipality m, String p, LocalDate on) {
            Sex[] sexes = {Sex.FEMALE, Sex.MALE, Sex.OTHER, null};
            events.add(new ParticipantEnrolled(
                    UUID.randomUUID(),
                    p,
                    "org",
                    m,
                    on,
                    recorded(on),
                    random.nextBoolean() ? "programme-a" : "programme-b",
                    ReferralSource.OUTREACH,
                    HomelessnessSituation.SE_1_ACUTE,
                    HomelessnessDuration.UNKNOWN,
                    1950 + random.nextInt(50),
                    sexes[random.nextInt(sexes.length)]));
        }

        private void tenancies(Municipality m, String p, LocalDate moveIn) {
            UUID previous = null;
            for (int spell = 0; spell < 3 && !moveIn.isAfter(LAST); spell++) {
                UUID tenancy = UUID.randomUUID();
                ContractType contract =
                        random.nextInt(3) == 0 ? ContractType.SECOND_HAND_SOCIAL : ContractType.FIRST_HAND_LEASE;
                events.add(new TenancyStarted(
                        UUID.randomUUID(),
                        p,
                        "org",
                        m,
                        moveIn,
                        recorded(moveIn),
                        tenancy,
                        null,
                        contract,
                        SecurityOfTenure.FULL,
                        LeaseHolder.PARTICIPANT,
                        HousingType.SCATTERED_SITE,
                        LandlordType.PUBLIC_HOUSING,
                        previous != null,
                        previous));
                LocalDate end = random.nextInt(10) < 4 ? moveIn.plusDays(random.nextInt(700)) : null;
                if (end != null && end.isAfter(LAST)) {
                    end = null;
                }
                LocalDate until = end == null ? LAST : end;
                if (random.nextInt(5) == 0 && until.isAfter(moveIn.plusDays(20))) {
                    LocalDate converted = date(moveIn.plusDays(1), until.minusDays(1));
                    events.add(new TenancyContractConverted(
                            UUID.randomUUID(),
                            p,
                            "org",
                            m,
                            converted,
                            recorded(converted),
                            tenancy,
                            contract,
                            ContractType.FIRST_HAND_LEASE,
                            SecurityOfTenure.FULL,
                            LeaseHolder.PARTICIPANT));
                }
                if (random.nextInt(5) == 0 && until.isAfter(moveIn.plusDays(30))) {
                    LocalDate away = date(moveIn.plusDays(1), until.minusDays(20));
                    UUID absence = UUID.randomUUID();
                    events.add(new TemporaryAbsenceStarted(
                            UUID.randomUUID(),
                            p,
                            "org",
                            m,
                            away,
                            recorded(away),
                            tenancy,
                            absence,
                            AbsenceType.HOSPITAL));
                    LocalDate back = away.plusDays(1 + random.nextInt(15));
                    events.add(new TemporaryAbsenceEnded(
                            UUID.randomUUID(), p, "org", m, back, recorded(back), tenancy, absence));
                }
                if (end == null) {
                    return;
                }
                EndReason reason = EndReason.values()[random.nextInt(EndReason.values().length)];
                DestinationCategory destination = switch (reason) {
                    case DECEASED -> DestinationCategory.DECEASED;
                    case MOVED_TO_OTHER_PERMANENT_HOUSING -> DestinationCategory.PERMANENT;
                    default -> DestinationCategory.values()[random.nextInt(DestinationCategory.values().length)];
                };
                // about a third of endings are reported long after the fact: a late correction
                Instant recorded = random.nextInt(3) == 0 ? late(end) : recorded(end);
                events.add(new TenancyEnded(
                        UUID.randomUUID(),
                        p,
                        "org",
                        m,
                        end,
                        recorded,
                        tenancy,
                        reason,
                        destination,
                        EndInitiatedBy.LANDLORD));
                if (reason == EndReason.DECEASED || random.nextInt(3) == 0) {
                    return;
                }
                previous = tenancy;
                moveIn = end.plusDays(random.nextInt(30));
            }
        }

        private void support(Municipality m, String p, LocalDate enrolled) {
            UUID episode = UUID.randomUUID();
            LocalDate started = enrolled.plusDays(random.nextInt(20));
            events.add(new SupportEpisodeStarted(
                    UUID.randomUUID(), p, "org", m, started, recorded(started), episode, SupportModel.ICM, 4));
            LocalDate ended = random.nextInt(5) == 0 ? date(started, LAST) : null;
            LocalDate until = ended == null ? LAST : ended;
            for (int c = 0; c < random.nextInt(8); c++) {
                LocalDate on = date(started, until);
                boolean missed = random.nextInt(6) == 0;
                events.add(new SupportContactRecorded(
                        UUID.randomUUID(),
                        p,
                        "org",
                        m,
                        on,
                        recorded(on),
                        episode,
                        UUID.randomUUID(),
                        ContactMode.HOME_VISIT,
                        missed ? 0 : 30,
                        StaffRole.SOCIAL_WORKER,
                        missed));
            }
            for (int o = 0; o < random.nextInt(3); o++) {
                UUID offer = UUID.randomUUID();
                LocalDate offered = date(started, until);
                events.add(new SupportOffered(
                        UUID.randomUUID(),
                        p,
                        "org",
                        m,
                        offered,
                        recorded(offered),
                        episode,
                        offer,
                        SupportServiceType.MENTAL_HEALTH));
                LocalDate answered = date(offered, until);
                if (random.nextBoolean()) {
                    events.add(new SupportDeclined(
                            UUID.randomUUID(),
                            p,
                            "org",
                            m,
                            answered,
                            recorded(answered),
                            episode,
                            offer,
                            SupportDeclineReason.NOT_WANTED_NOW));
                } else if (random.nextBoolean()) {
                    events.add(new SupportAccepted(
                            UUID.randomUUID(), p, "org", m, answered, recorded(answered), episode, offer));
                }
            }
            if (ended != null) {
                events.add(new SupportEpisodeEnded(
                        UUID.randomUUID(),
                        p,
                        "org",
                        m,
                        ended,
                        recorded(ended),
                        episode,
                        EpisodeEndReason.NO_LONGER_NEEDED));
            }
        }

        private void qualityOfLife(Municipality m, String p, LocalDate enrolled) {
            if (random.nextInt(5) < 2) {
                return;
            }
            String version = random.nextInt(8) == 0 ? "v2" : "v1";
            assess(m, p, enrolled.plusDays(random.nextInt(10)), version, AssessmentTimepoint.BASELINE);
            for (AssessmentTimepoint followUp : List.of(AssessmentTimepoint.MONTH_6, AssessmentTimepoint.MONTH_12)) {
                LocalDate on = enrolled.plusMonths(followUp == AssessmentTimepoint.MONTH_6 ? 6 : 12);
                if (random.nextBoolean() && !on.isAfter(LAST)) {
                    assess(m, p, on, random.nextInt(10) == 0 ? "v2" : version, followUp);
                }
            }
        }

        private void assess(Municipality m, String p, LocalDate on, String version, AssessmentTimepoint timepoint) {
            Map<String, Double> scores = new TreeMap<>();
            scores.put("physical_100", 20.0 + random.nextInt(70) + random.nextInt(4) / 4.0);
            if (random.nextInt(4) != 0) {
                scores.put("social_100", 10.0 + random.nextInt(80));
            }
            events.add(new QualityOfLifeAssessed(
                    UUID.randomUUID(),
                    p,
                    "org",
                    m,
                    on,
                    recorded(on),
                    UUID.randomUUID(),
                    QualityOfLifeInstrument.WHOQOL_BREF,
                    version,
                    timepoint,
                    "whoqol-bref-1",
                    scores,
                    null,
                    null,
                    0));
        }

        private LocalDate date(LocalDate from, LocalDate to) {
            if (!to.isAfter(from)) {
                return from;
            }
            return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
        }

        /** Recorded on the day or within a few days, never after the last recording instant of the history. */
        private Instant recorded(LocalDate on) {
            Instant instant = on.atTime(8, 0)
                    .toInstant(ZoneOffset.UTC)
                    .plusSeconds(random.nextInt(4 * 24 * 3600))
                    .plusNanos(random.nextInt(1000) * 1000L);
            return instant.isAfter(RECORDED_BY) ? RECORDED_BY.minusSeconds(random.nextInt(3600)) : instant;
        }

        /** Reported months after the fact. */
        private Instant late(LocalDate on) {
            Instant instant =
                    on.atTime(8, 0).toInstant(ZoneOffset.UTC).plusSeconds(86_400L * (30 + random.nextInt(300)));
            return instant.isAfter(RECORDED_BY) ? RECORDED_BY.minusSeconds(random.nextInt(3600)) : instant;
        }
    }
}
