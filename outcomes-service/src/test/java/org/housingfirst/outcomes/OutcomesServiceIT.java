package org.housingfirst.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.housingfirst.outcomes.TestEvents.contact;
import static org.housingfirst.outcomes.TestEvents.decline;
import static org.housingfirst.outcomes.TestEvents.ended;
import static org.housingfirst.outcomes.TestEvents.enrolled;
import static org.housingfirst.outcomes.TestEvents.episode;
import static org.housingfirst.outcomes.TestEvents.offer;
import static org.housingfirst.outcomes.TestEvents.producer;
import static org.housingfirst.outcomes.TestEvents.pseudonym;
import static org.housingfirst.outcomes.TestEvents.send;
import static org.housingfirst.outcomes.TestEvents.started;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.data.Offset;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.AssessorType;
import org.housingfirst.contracts.support.EpisodeEndReason;
import org.housingfirst.contracts.support.FidelityAssessed;
import org.housingfirst.contracts.support.FidelityScale;
import org.housingfirst.contracts.support.QualityOfLifeAssessed;
import org.housingfirst.contracts.support.Sex;
import org.housingfirst.contracts.support.SupportEpisodeEnded;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.contracts.tenancy.TenancyContractConverted;
import org.housingfirst.contracts.tenancy.TenancyCorrected;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.ServiceIntegrationTest;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OutcomesServiceIT extends ServiceIntegrationTest {

    private static final Municipality MALMO = new Municipality("SE", "1280", "SCB-2025");
    private static final Municipality LUND = new Municipality("SE", "1281", "SCB-2025");
    private static final Instant RECORDED = TestEvents.RECORDED;

    @Override
    protected String topicName() {
        return TenancyEvents.TOPIC;
    }

    /*
     * The hand-worked cohort of ProgrammeRetentionTest and docs/metrics.md, sent as the producers would send it: strict
     * 12-month retention as of 2026-06-30 is 5 / 8, known-status 5 / 7. Malmö receives every event twice, in order;
     * Lund receives the same cohort once, shuffled across both topics. Both must give the same figures.
     */
    @Test
    void redeliveryAndAnotherInterleavingOfTheTopicsGiveTheSameFigures() {
        List<ContractEvent> malmo = cohort(MALMO);
        List<ContractEvent> lund = cohort(LUND);
        Collections.shuffle(lund, new Random(42));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(
                    TenancyEvents.TOPIC, malmo.getFirst().partitionKey(), "not json".getBytes(StandardCharsets.UTF_8)));
            malmo.forEach(e -> send(producer, e));
            malmo.forEach(e -> send(producer, e));
            lund.forEach(e -> send(producer, e));
        }
        awaitStored(MALMO, malmo.size());
        awaitStored(LUND, lund.size());

        JsonNode malmoFigure = retention(TestTokens.malmoReporter(), "STRICT", null);
        JsonNode lundFigure = retention(TestTokens.lundReporter(), "STRICT", null);
        assertThat(malmoFigure.get("result").get("retained").asInt()).isEqualTo(5);
        assertThat(malmoFigure.get("result").get("denominator").asInt()).isEqualTo(8);
        assertThat(malmoFigure.get("result").get("rate").asDouble()).isEqualTo(0.625);
        assertThat(malmoFigure.get("result").get("censored").asInt()).isEqualTo(1);
        assertThat(lundFigure.get("result")).isEqualTo(malmoFigure.get("result"));
        assertThat(retention(TestTokens.malmoReporter(), "KNOWN_STATUS", null)
                        .get("result")
                        .get("denominator")
                        .asInt())
                .isEqualTo(7);
        assertThat(stored(MALMO)).as("each event once, though delivered twice").isEqualTo(malmo.size());
        assertThat(jdbc.sql("SELECT count(*) FROM set_aside_record")
                        .query(Long.class)
                        .single())
                .as("an unreadable record is set aside, and the events behind it in its partition still arrive")
                .isEqualTo(1);
        assertThat(api.get(
                                "/api/v1/metrics/retention?months=12&asOf=2026-06-30&basis=FIRST_TENANCY",
                                TestTokens.malmoAnalyst())
                        .json()
                        .get("result")
                        .get("retained")
                        .asInt())
                .isEqualTo(2);
        JsonNode stillHoused = api.get("/api/v1/metrics/still-housed?asOf=2026-06-30", TestTokens.malmoAnalyst())
                .json()
                .get("result");
        assertThat(stillHoused.get("housed").asInt()).isEqualTo(5);
        assertThat(stillHoused.get("everHoused").asInt()).isEqualTo(12);
        assertThat(api.get("/api/v1/metrics/evictions?from=2025-01-01&to=2025-12-31", TestTokens.malmoAnalyst())
                        .json()
                        .get("result")
                        .get("evictions")
                        .asInt())
                .as("P2 is the only eviction dated in 2025")
                .isEqualTo(1);
        JsonNode curve = api.get("/api/v1/metrics/retention-curve?asOf=2026-06-30", TestTokens.malmoAnalyst())
                .json();
        assertThat(curve.get("result")
                        .get(curve.get("result").size() - 1)
                        .get("survival")
                        .asDouble())
                .isCloseTo(0.75758, Offset.offset(0.00001));

        // by move-in quarter (docs/metrics.md): Q1 P1, P3 retained, P2 not, P12 long-term care: 2/3; Q2 P4, P7, P9
        // retained, P5 not, P8 unknown, P6 died, P11 censored: 3/5; Q3 only P10, not yet eligible
        JsonNode byQuarter = ok(api.get(
                        "/api/v1/metrics/retention/breakdown?months=12&asOf=2026-06-30&by=COHORT_QUARTER",
                        TestTokens.malmoAnalyst()))
                .get("result");
        assertThat(byQuarter.valueStream().map(g -> g.get("category").asString()))
                .containsExactly("COHORT:2025Q1", "COHORT:2025Q2", "COHORT:2025Q3");
        assertThat(byQuarter.get(0).get("result").get("retained").asInt()).isEqualTo(2);
        assertThat(byQuarter.get(0).get("result").get("denominator").asInt()).isEqualTo(3);
        assertThat(byQuarter.get(1).get("result").get("retained").asInt()).isEqualTo(3);
        assertThat(byQuarter.get(1).get("result").get("denominator").asInt()).isEqualTo(5);
        assertThat(byQuarter.get(2).get("result").get("eligible").asInt()).isZero();
        JsonNode byProgramme = ok(api.get(
                        "/api/v1/metrics/retention-curve/breakdown?asOf=2026-06-30&by=PROGRAMME",
                        TestTokens.malmoAnalyst()))
                .get("result");
        assertThat(byProgramme.size()).isEqualTo(1);
        assertThat(byProgramme.get(0).get("category").asString()).isEqualTo("PROGRAMME:programme");
        assertThat(byProgramme.get(0).get("participants").asInt()).isEqualTo(12);
    }

    /* P1 of the cohort, housed all along, is reported evicted months later: the earlier figure stays reproducible. */
    @Test
    void knownAtReproducesTheFigureFromBeforeALateEnding() {
        Municipality stockholm = new Municipality("SE", "0180", "SCB-2025");
        String token = TestTokens.token("analyst", "SE", "0180", "stockholm-bostad-forst");
        List<ContractEvent> cohort = cohort(stockholm);
        TenancyStarted p1 = (TenancyStarted) cohort.getFirst();
        TenancyEnded late = new TenancyEnded(
                UUID.randomUUID(),
                p1.participantId(),
                "stockholm-bostad-forst",
                stockholm,
                LocalDate.parse("2025-12-01"),
                Instant.parse("2026-07-15T09:00:00Z"),
                p1.tenancyId(),
                EndReason.EVICTION_RENT_ARREARS,
                DestinationCategory.HOMELESS,
                EndInitiatedBy.LANDLORD);
        List<ContractEvent> events = new ArrayList<>(cohort);
        events.add(late);
        publish(stockholm, events);

        JsonNode before = retention(token, "STRICT", "2026-07-01T00:00:00Z");
        JsonNode after = retention(token, "STRICT", null);

        assertThat(before.get("result").get("retained").asInt()).isEqualTo(5);
        assertThat(before.get("result").get("rate").asDouble()).isEqualTo(0.625);
        assertThat(after.get("result").get("retained").asInt()).isEqualTo(4);
        assertThat(after.get("result").get("notRetained").asInt()).isEqualTo(3);
        assertThat(after.get("result").get("rate").asDouble()).isEqualTo(0.5);
        // first release of 2026-06-30: 14 days after, 2026-07-15 00:00 in Stockholm; the eviction came after it
        assertThat(before.get("revision").asString()).isEqualTo("PROVISIONAL");
        assertThat(after.get("revision").asString()).isEqualTo("REVISED");
        assertThat(after.get("firstRelease").asString()).isEqualTo("2026-07-14T22:00:00Z");
        assertThat(after.get("firstReleaseResult").get("retained").asInt()).isEqualTo(5);
        JsonNode released = retention(token, "STRICT", "2026-07-15T00:00:00Z");
        assertThat(released.get("revision").asString()).isEqualTo("AS_RELEASED");
        assertThat(released.get("result").get("retained").asInt()).isEqualTo(5);
    }

    /*
     * P1 of the cohort was recorded as evicted on 2025-08-01; a correction recorded on 2026-08-01 says they moved on to
     * permanent housing on 2025-11-10, and that they moved in on 2025-02-03. Delivered before the facts it corrects,
     * it still wins over them, being recorded later. 12-month retention as of 2026-06-30: 5 / 8 as known before the
     * correction, 6 / 8 after it (a move to permanent housing is retained). The losses go from 2 to 1; the eighth, P7's
     * unknown ending, stays in the strict variant's denominator.
     */
    @Test
    void aCorrectedTenancyChangesTheFiguresFromTheCorrectionsRecordingOn() {
        Municipality nacka = new Municipality("SE", "0182", "SCB-2025");
        String token = TestTokens.token("analyst", "SE", "0182", "nacka-bostad-forst");
        List<ContractEvent> cohort = cohort(nacka);
        TenancyStarted p1 = cohort.stream()
                .filter(e -> e instanceof TenancyStarted t && t.occurredOn().equals(LocalDate.parse("2025-02-01")))
                .map(TenancyStarted.class::cast)
                .findFirst()
                .orElseThrow();
        TenancyCorrected correction = new TenancyCorrected(
                UUID.randomUUID(),
                p1.participantId(),
                "nacka-bostad-forst",
                nacka,
                LocalDate.parse("2025-02-03"),
                Instant.parse("2026-08-01T09:00:00Z"),
                p1.tenancyId(),
                p1.contractType(),
                p1.securityOfTenure(),
                p1.leaseHolder(),
                p1.housingType(),
                p1.landlordType(),
                false,
                LocalDate.parse("2025-11-10"),
                EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING,
                DestinationCategory.PERMANENT,
                EndInitiatedBy.TENANT);
        List<ContractEvent> events = new ArrayList<>();
        events.add(correction);
        events.addAll(cohort);
        publish(nacka, events);

        JsonNode before = retention(token, "STRICT", "2026-07-31T00:00:00Z").get("result");
        JsonNode after = retention(token, "STRICT", null).get("result");
        assertThat(before.get("retained").asInt()).isEqualTo(5);
        assertThat(before.get("notRetained").asInt()).isEqualTo(2);
        assertThat(before.get("rate").asDouble()).isEqualTo(0.625);
        assertThat(after.get("retained").asInt()).isEqualTo(6);
        assertThat(after.get("notRetained").asInt()).isEqualTo(1);
        assertThat(after.get("rate").asDouble()).isEqualTo(0.75);
    }

    /*
     * She enrolled on 2025-01-01 stating FEMALE, moved in on 2025-01-10, and enrolled again on 2026-09-01 without
     * stating a sex. The breakdown by sex as of 2026-06-30 keeps what she stated then; only from 2026-09-01 on is she
     * UNKNOWN. (The latest enrolment used to rewrite every past quarter.)
     */
    @Test
    void aLaterEnrolmentDoesNotRewriteThePast() {
        Municipality solna = new Municipality("SE", "0184", "SCB-2025");
        String token = TestTokens.token("analyst", "SE", "0184", "solna-bostad-forst");
        String her = TestEvents.pseudonym(solna, 1);
        publish(
                solna,
                List.of(
                        TestEvents.enrolled(solna, her, LocalDate.parse("2025-01-01"), Sex.FEMALE),
                        TestEvents.started(solna, her, UUID.randomUUID(), "2025-01-10"),
                        TestEvents.enrolled(solna, her, LocalDate.parse("2026-09-01"), null)));

        JsonNode before = ok(api.get("/api/v1/metrics/retention/breakdown?months=12&asOf=2026-06-30&by=SEX", token))
                .get("result");
        JsonNode after = ok(api.get("/api/v1/metrics/retention/breakdown?months=12&asOf=2026-10-01&by=SEX", token))
                .get("result");

        assertThat(before.valueStream().map(g -> g.get("category").asString())).containsExactly("SEX:FEMALE");
        assertThat(after.valueStream().map(g -> g.get("category").asString())).containsExactly("SEX:UNKNOWN");
    }

    /*
     * The HUD-style ratio for the first half of 2026 as of 2026-06-30: whoever ended a tenancy in its last 14 days may
     * still be rehoused, so the figure is provisional however late it is asked (the clock says 2026-11-24, long after
     * the first release of 2026-06-30). As of 2026-07-14 the window has closed and the figure can be as released.
     */
    @Test
    void thePeriodRatioIsProvisionalWhileItsRehousingWindowIsOpen() {
        Municipality taby = new Municipality("SE", "0160", "SCB-2025");
        String token = TestTokens.token("analyst", "SE", "0160", "taby-bostad-forst");
        publish(taby, cohort(taby));

        JsonNode open =
                ok(api.get("/api/v1/metrics/period-retention?from=2026-01-01&to=2026-06-30&asOf=2026-06-30", token));
        JsonNode closed =
                ok(api.get("/api/v1/metrics/period-retention?from=2026-01-01&to=2026-06-30&asOf=2026-07-14", token));

        assertThat(open.get("definitionVersion").asString()).startsWith("hud-7b2-style-v2");
        assertThat(open.get("revision").asString()).isEqualTo("PROVISIONAL");
        assertThat(closed.get("revision").asString()).isEqualTo("AS_RELEASED");
    }

    /*
     * Physical domain (0-100) at baseline and 12 months: 50->55, 60->70, 40->35, 70->85, 55->55: changes 5, 10, -5, 15,
     * 0, mean 5, 95 % interval [-4.816, 14.816] (worked in ChangeFromBaselineTest). Two participants have no follow-up,
     * and one was followed up with another instrument version, which is never paired: 3 missing.
     */
    @Test
    void qualityOfLifeChangePairsOnlyTheSameInstrumentVersion() {
        Municipality goteborg = new Municipality("SE", "1480", "SCB-2025");
        double[][] pairs = {{50, 55}, {60, 70}, {40, 35}, {70, 85}, {55, 55}, {45, -1}, {65, -1}, {52, -2}};
        List<ContractEvent> events = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            String participant = pseudonym(goteborg, i);
            events.add(
                    assessed(goteborg, participant, "WHOQOL-BREF-SV-1998", AssessmentTimepoint.BASELINE, pairs[i][0]));
            if (pairs[i][1] >= 0) {
                events.add(assessed(
                        goteborg, participant, "WHOQOL-BREF-SV-1998", AssessmentTimepoint.MONTH_12, pairs[i][1]));
            } else if (pairs[i][1] == -2) {
                events.add(assessed(goteborg, participant, "WHOQOL-BREF-SV-2026", AssessmentTimepoint.MONTH_12, 90));
            }
        }
        publish(goteborg, events);

        JsonNode figure = api.get(
                        "/api/v1/metrics/quality-of-life-change?instrument=WHOQOL_BREF&followUp=MONTH_12&asOf=2026-06-30",
                        TestTokens.token("analyst", "SE", "1480", "goteborg-bostad-forst"))
                .json();
        assertThat(figure.get("result")).hasSize(1);
        JsonNode physical = figure.get("result").get(0);
        assertThat(physical.get("instrumentVersion").asString()).isEqualTo("WHOQOL-BREF-SV-1998");
        assertThat(physical.get("score").asString()).isEqualTo("physical_100");
        assertThat(physical.get("change").get("n").asInt()).isEqualTo(5);
        assertThat(physical.get("change").get("missingFollowUp").asInt()).isEqualTo(3);
        assertThat(physical.get("change").get("mean").asDouble()).isEqualTo(5.0);
        assertThat(physical.get("change").get("lower").asDouble()).isCloseTo(-4.816, Offset.offset(0.001));
        assertThat(physical.get("change").get("upper").asDouble()).isCloseTo(14.816, Offset.offset(0.001));
    }

    private static QualityOfLifeAssessed assessed(
            Municipality m, String participant, String version, AssessmentTimepoint timepoint, double physical) {
        LocalDate on = timepoint == AssessmentTimepoint.BASELINE
                ? LocalDate.parse("2025-05-01")
                : LocalDate.parse("2026-05-01");
        return TestEvents.assessed(m, participant, on, version, timepoint, Map.of("physical_100", physical));
    }

    /*
     * A programme's fidelity over time, worked by hand. Borlänge's programme was assessed externally on the Pathways
     * scale on 2024-09-01 (110 of 152: 72.37 %) and by itself on 2026-09-15 (123 of 152: 80.92 %), and on a local
     * 10-item scale on 2026-05-01 (30 of 40: 75 %), which is a row of its own. Falun's programme is Falun's.
     */
    @Test
    void aProgrammesFidelityOverTimeNeverMixesScaleVersions() {
        Municipality borlange = new Municipality("SE", "2081", "SCB-2025");
        Municipality falun = new Municipality("SE", "2080", "SCB-2025");
        publish(
                borlange,
                List.of(
                        fidelity(borlange, "2024-09-01", "PATHWAYS_HF", "PHF-38-2013", 110, 72.37),
                        fidelity(borlange, "2026-09-15", "PATHWAYS_HF", "PHF-38-2013", 123, 80.92),
                        fidelity(borlange, "2026-05-01", "OTHER", "LOCAL-10", 30, 75.0)));
        publish(falun, List.of(fidelity(falun, "2026-03-01", "PATHWAYS_HF", "PHF-38-2013", 140, 92.11)));
        String analyst = TestTokens.token("analyst", "SE", "2081", "borlange-bostad-forst");

        JsonNode now =
                api.get("/api/v1/metrics/fidelity?asOf=2026-10-01", analyst).json();
        assertThat(now.get("definitionVersion").asString()).isEqualTo("programme-fidelity-v1(24-months-current)");
        JsonNode rows = now.get("result");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("scaleVersion").asString()).isEqualTo("LOCAL-10");
        assertThat(rows.get(0).get("latest").get("maximum").asInt()).isEqualTo(40);
        JsonNode pathways = rows.get(1);
        assertThat(pathways.get("programmeId").asString()).isEqualTo("borlange-programme");
        assertThat(pathways.get("assessments")
                        .valueStream()
                        .map(a -> a.get("total").asInt()))
                .containsExactly(110, 123);
        assertThat(pathways.get("latest").get("total").asInt()).isEqualTo(123);
        assertThat(pathways.get("latest").get("maximum").asInt()).isEqualTo(152);
        assertThat(pathways.get("latest").get("percentOfMaximum").asDouble()).isEqualTo(80.92);
        assertThat(pathways.get("latest")
                        .get("domainMeans")
                        .get("service_array")
                        .asDouble())
                .isEqualTo(2.5);
        assertThat(pathways.get("current").asBoolean()).isTrue();

        // as known before the self-assessment was recorded: the 2024 assessment is the latest, and no longer current
        JsonNode before = api.get("/api/v1/metrics/fidelity?asOf=2026-10-01&knownAt=2026-07-01T00:00:00Z", analyst)
                .json();
        JsonNode earlier = before.get("result").get(1);
        assertThat(earlier.get("assessments")).hasSize(1);
        assertThat(earlier.get("latest").get("assessedOn").asString()).isEqualTo("2024-09-01");
        assertThat(earlier.get("current").asBoolean()).isFalse();
        // as of 2025: only the 2024 assessment, current
        JsonNode then =
                api.get("/api/v1/metrics/fidelity?asOf=2025-01-01", analyst).json();
        assertThat(then.get("result")).hasSize(1);
        assertThat(then.get("result").get(0).get("current").asBoolean()).isTrue();
    }

    private static FidelityAssessed fidelity(
            Municipality m, String on, String scale, String version, int total, double percent) {
        LocalDate date = LocalDate.parse(on);
        return new FidelityAssessed(
                UUID.randomUUID(),
                "org",
                m,
                date,
                TestEvents.recordedFor(date),
                m.code().equals("2081") ? "borlange-programme" : "falun-programme",
                UUID.randomUUID(),
                FidelityScale.valueOf(scale),
                version,
                AssessorType.EXTERNAL,
                Map.of("SA1", 2, "SA2", 3),
                Map.of("housing_process_and_structure", 3.5, "service_array", 2.5),
                total,
                percent);
    }

    /* The hand-worked month of MonthlyEngagementTest, sent as support-service would send it. */
    @Test
    void engagementOfAMonthFromSupportEvents() {
        Municipality umea = new Municipality("SE", "2480", "SCB-2025");
        String a = pseudonym(umea, 1);
        String b = pseudonym(umea, 2);
        String c = pseudonym(umea, 3);
        String dee = pseudonym(umea, 4);
        UUID ea = UUID.randomUUID();
        UUID eb = UUID.randomUUID();
        UUID ec = UUID.randomUUID();
        UUID ed = UUID.randomUUID();
        UUID o1 = UUID.randomUUID();
        UUID o3 = UUID.randomUUID();
        UUID o4 = UUID.randomUUID();
        List<ContractEvent> events = List.of(
                episode(umea, a, ea, "2026-01-01"),
                episode(umea, b, eb, "2026-03-15"),
                episode(umea, c, ec, "2025-06-01"),
                new SupportEpisodeEnded(
                        UUID.randomUUID(),
                        c,
                        "org",
                        umea,
                        LocalDate.parse("2026-02-20"),
                        RECORDED,
                        ec,
                        EpisodeEndReason.MOVED),
                episode(umea, dee, ed, "2026-02-01"),
                new SupportEpisodeEnded(
                        UUID.randomUUID(),
                        dee,
                        "org",
                        umea,
                        LocalDate.parse("2026-03-10"),
                        RECORDED,
                        ed,
                        EpisodeEndReason.NO_LONGER_NEEDED),
                contact(umea, a, ea, "2026-03-05", false),
                contact(umea, a, ea, "2026-03-19", false),
                contact(umea, a, ea, "2026-03-25", true),
                contact(umea, b, eb, "2026-03-20", false),
                contact(umea, a, ea, "2026-02-27", false),
                offer(umea, a, ea, o1, "2026-03-02"),
                decline(umea, a, ea, o1, "2026-03-03"),
                offer(umea, b, eb, UUID.randomUUID(), "2026-03-16"),
                offer(umea, a, ea, o3, "2026-03-28"),
                decline(umea, a, ea, o3, "2026-04-02"),
                offer(umea, dee, ed, o4, "2026-02-25"),
                decline(umea, dee, ed, o4, "2026-03-01"));
        publish(umea, events);

        JsonNode march = api.get(
                        "/api/v1/metrics/engagement?month=2026-03&asOf=2026-04-30",
                        TestTokens.token("analyst", "SE", "2480", "umea-bostad-forst"))
                .json()
                .get("result");
        assertThat(march.get("activeParticipants").asInt()).isEqualTo(3);
        assertThat(march.get("completedContacts").asInt()).isEqualTo(3);
        assertThat(march.get("participantsWithoutContact").asInt()).isEqualTo(1);
        assertThat(march.get("offers").asInt()).isEqualTo(3);
        assertThat(march.get("declined").asInt()).isEqualTo(2);
    }

    /* The hand-worked tenancies of FirstHandLeasesTest: 2 of 5 active on a first-hand lease, 1 conversion in the period. */
    @Test
    void firstHandLeaseShareFollowsConversions() {
        Municipality linkoping = new Municipality("SE", "0580", "SCB-2025");
        List<ContractEvent> events = new ArrayList<>();
        Object[][] tenancies = {
            {"2025-03-01", ContractType.FIRST_HAND_LEASE, null, null},
            {"2025-04-01", ContractType.SECOND_HAND_SOCIAL, "2026-02-01", null},
            {"2025-05-01", ContractType.SECOND_HAND_SOCIAL, null, null},
            {"2025-01-01", ContractType.FIRST_HAND_LEASE, null, "2026-01-01"},
            {"2025-06-01", ContractType.MUNICIPAL_RENTAL, null, null},
            {"2025-07-01", ContractType.SECOND_HAND_SOCIAL, "2026-07-15", null}
        };
        for (int i = 0; i < tenancies.length; i++) {
            String participant = pseudonym(linkoping, i);
            UUID tenancy = UUID.randomUUID();
            ContractType contract = (ContractType) tenancies[i][1];
            TenancyStarted start = started(linkoping, participant, tenancy, (String) tenancies[i][0]);
            events.add(new TenancyStarted(
                    start.eventId(),
                    participant,
                    "org",
                    linkoping,
                    start.occurredOn(),
                    RECORDED,
                    tenancy,
                    null,
                    contract,
                    SecurityOfTenure.LIMITED,
                    LeaseHolder.MUNICIPALITY,
                    HousingType.SCATTERED_SITE,
                    LandlordType.MUNICIPALITY,
                    false,
                    null));
            if (tenancies[i][2] != null) {
                LocalDate convertedOn = LocalDate.parse((String) tenancies[i][2]);
                events.add(new TenancyContractConverted(
                        UUID.randomUUID(),
                        participant,
                        "org",
                        linkoping,
                        convertedOn,
                        TestEvents.recordedFor(convertedOn),
                        tenancy,
                        contract,
                        ContractType.FIRST_HAND_LEASE,
                        SecurityOfTenure.FULL,
                        LeaseHolder.PARTICIPANT));
            }
            if (tenancies[i][3] != null) {
                events.add(ended(
                        linkoping,
                        participant,
                        tenancy,
                        (String) tenancies[i][3],
                        EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING));
            }
        }
        publish(linkoping, events);

        JsonNode result = api.get(
                        "/api/v1/metrics/first-hand-leases?asOf=2026-06-30&from=2026-01-01&to=2026-06-30",
                        TestTokens.token("analyst", "SE", "0580", "linkoping-bostad-forst"))
                .json()
                .get("result");
        assertThat(result.get("activeTenancies").asInt()).isEqualTo(5);
        assertThat(result.get("firstHand").asInt()).isEqualTo(2);
        assertThat(result.get("share").asDouble()).isEqualTo(0.4);
        assertThat(result.get("conversionsToFirstHand").asInt()).isEqualTo(1);
    }

    /* The enrolments of TimeToHousingTest, sent as enrolments and tenancies: median 90 days, 4 housed, 2 waiting. */
    @Test
    void timeToHousingFromEnrolmentsOnOneTopicAndMoveInsOnTheOther() {
        Municipality uppsala = new Municipality("SE", "0380", "SCB-2025");
        String[][] rows = {
            {"2025-01-01", "2025-01-31"},
            {"2025-02-01", "2025-04-02"},
            {"2025-03-01", "2025-05-30"},
            {"2025-11-21", null},
            {"2025-04-01", "2025-08-29"},
            {"2025-06-01", "2026-01-10"}
        };
        List<ContractEvent> events = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            String participant = pseudonym(uppsala, i);
            events.add(enrolled(uppsala, participant, LocalDate.parse(rows[i][0])));
            if (rows[i][1] != null) {
                events.add(started(uppsala, participant, UUID.randomUUID(), rows[i][1]));
            }
        }
        publish(uppsala, events);

        Api.Response response = api.get(
                "/api/v1/metrics/time-to-housing?from=2025-01-01&to=2025-12-31&asOf=2025-12-31",
                TestTokens.token("analyst", "SE", "0380", "uppsala"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json().get("result");
        assertThat(result.get("medianDays").asDouble()).isEqualTo(90.0);
        assertThat(result.get("housed").asInt()).isEqualTo(4);
        assertThat(result.get("waiting").asInt()).isEqualTo(2);
        assertThat(api.get(
                                "/api/v1/metrics/returns-to-homelessness?from=2025-01-01&to=2025-12-31&asOf=2026-06-30",
                                TestTokens.token("analyst", "SE", "0380", "uppsala"))
                        .body())
                .contains("\"to\"");
    }

    /* The cohort again in Gävle; a rebuild replays both topics into version 2 and switches without changing it. */
    @Test
    void aRebuildReplaysTheTopicsIntoANewVersionAndSwitchesOverWithoutChangingAFigure() throws InterruptedException {
        Municipality gavle = new Municipality("SE", "2180", "SCB-2025");
        String analyst = TestTokens.token("analyst", "SE", "2180", "gavle");
        String operator = TestTokens.token("operator", "SE", "2180", "platform-operations");
        List<ContractEvent> events = cohort(gavle);
        publish(gavle, events);
        JsonNode before = api.get("/api/v1/metrics/retention?months=12&asOf=2026-06-30", analyst)
                .json()
                .get("result");
        int activeBefore = api.get("/api/v1/operations/rebuilds", operator)
                .json()
                .get("activeVersion")
                .asInt();

        assertThat(api.post("/api/v1/operations/rebuilds", analyst, "").status())
                .isEqualTo(403);
        Api.Response started = api.post("/api/v1/operations/rebuilds", operator, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode status = started.json();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (status.get("activeVersion").asInt() == activeBefore) {
            assertThat(Instant.now()).as("rebuild finished in time").isBefore(deadline);
            Thread.sleep(200);
            status = api.get("/api/v1/operations/rebuilds", operator).json();
        }

        assertThat(status.get("activeVersion").asInt()).isEqualTo(activeBefore + 1);
        assertThat(status.get("eventsStored").asLong()).isGreaterThanOrEqualTo(events.size());
        assertThat(stored(gavle)).isEqualTo(events.size());
        assertThat(api.get("/api/v1/metrics/retention?months=12&asOf=2026-06-30", analyst)
                        .json()
                        .get("result"))
                .isEqualTo(before);
        assertThat(management.get("/actuator/prometheus", null).body()).contains("outcomes_rebuild_events_stored");
        // loaded with its keys only, then indexed once: it ends with every index of the template
        assertThat(indexes("projection_v" + (activeBefore + 1))).isEqualTo(indexes("projection_template"));
    }

    private List<String> indexes(String schema) {
        return jdbc.sql("""
                        SELECT tablename || ':' || regexp_replace(indexdef, '^.* ON [a-z_0-9]+\\.', '')
                        FROM pg_indexes WHERE schemaname = ? ORDER BY 1""").param(schema).query(String.class).list().stream()
                .map(definition -> definition.replaceAll("\\w+_pkey|\\w+_idx\\d*", "name"))
                .sorted()
                .toList();
    }

    @Test
    void refusesAnotherHorizonAndCallersWithoutAToken() {
        Api.Response wrong = api.get("/api/v1/metrics/retention?months=18&asOf=2026-06-30", TestTokens.malmoReporter());
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("months");
        assertThat(api.get("/api/v1/metrics/retention?months=12&asOf=2026-06-30", null)
                        .status())
                .isEqualTo(401);
    }

    private JsonNode retention(String token, String variant, String knownAt) {
        String path = "/api/v1/metrics/retention?months=12&asOf=2026-06-30&variant=" + variant
                + (knownAt == null ? "" : "&knownAt=" + knownAt);
        Api.Response response = api.get(path, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long stored(Municipality municipality) {
        return jdbc.sql("SELECT count(*) FROM event_log WHERE country = ? AND municipality_code = ?")
                .params(municipality.country(), municipality.code())
                .query(Long.class)
                .single();
    }

    /** Sends events of one municipality as their producers would, and waits until all are stored. */
    private void publish(Municipality municipality, List<ContractEvent> events) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            events.forEach(e -> send(producer, e));
        }
        awaitStored(municipality, events.size());
    }

    private void awaitStored(Municipality municipality, long events) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (stored(municipality) < events) {
            assertThat(Instant.now()).as("events stored in time").isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The twelve participants of the hand-worked cohort, each with an enrolment on support.events.v1. */
    private static List<ContractEvent> cohort(Municipality municipality) {
        Object[][] rows = {
            {"2025-01-10", null, null, null, null},
            {"2025-02-01", "2025-08-01", EndReason.EVICTION_RENT_ARREARS, null, null},
            {"2025-03-01", "2025-09-01", EndReason.REHOUSED_WITHIN_PROGRAMME, "2025-09-10", null},
            {"2025-04-01", "2026-03-25", EndReason.ABANDONED, "2026-04-05", null},
            {"2025-04-15", "2026-03-20", EndReason.EVICTION_DISTURBANCE, "2026-04-20", null},
            {"2025-05-01", "2025-12-01", EndReason.DECEASED, null, null},
            {"2025-05-10", "2025-11-10", EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING, null, null},
            {"2025-06-01", "2026-01-15", EndReason.UNKNOWN, null, null},
            {"2025-06-20", "2026-06-25", EndReason.EVICTION_RENT_ARREARS, null, null},
            {"2025-08-01", null, null, null, null},
            {"2025-06-25", "2026-06-22", EndReason.TENANT_TERMINATED_VOLUNTARY, null, null},
            {"2025-01-05", "2025-07-01", EndReason.LONG_TERM_CARE, null, null}
        };
        List<ContractEvent> events = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            String participant = pseudonym(municipality, i);
            Object[] row = rows[i];
            UUID first = UUID.randomUUID();
            events.add(started(municipality, participant, first, (String) row[0]));
            if (row[1] != null) {
                events.add(ended(municipality, participant, first, (String) row[1], (EndReason) row[2]));
            }
            if (row[3] != null) {
                events.add(started(municipality, participant, UUID.randomUUID(), (String) row[3]));
            }
            events.add(enrolled(
                    municipality, participant, LocalDate.parse((String) row[0]).minusDays(30)));
        }
        return events;
    }
}
