package org.housingfirst.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.housingfirst.contracts.support.SupportEvents;
import org.housingfirst.support.dataprotection.RetentionExpiry;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.MutableClock;
import org.housingfirst.testbackends.ServiceIntegrationTest;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@TestPropertySource(
        properties = {
            "platform.fidelity.scales.OTHER.version=TEST-4",
            "platform.fidelity.scales.OTHER.items.HP1=housing_process",
            "platform.fidelity.scales.OTHER.items.HP2=housing_process",
            "platform.fidelity.scales.OTHER.items.SP1=service_philosophy",
            "platform.fidelity.scales.OTHER.items.SP2=service_philosophy",
            // tenancy-service is not running here: an erasure waits a second for it, then reports it as not yet done
            "platform.identity.erasure-wait=PT1S",
            // Malmö keeps a participant's data five years after their exit; Lund has no period
            "platform.retention.after-exit.SE-1280=P5Y",
            // no peer runs here: a subject access export cannot be complete
            "platform.peers.tenancy-service=http://127.0.0.1:9",
            "platform.peers.outcomes-service=http://127.0.0.1:9"
        })
class SupportServiceIT extends ServiceIntegrationTest {

    @Autowired
    private RetentionExpiry expiry;

    @Autowired
    private MutableClock clock;

    /**
     * HMAC-SHA-256 of {@code SE:198112189876} under the integration-test key, computed outside Java. tenancy-service's
     * {@code TenancyServiceIT} expects the same value for the same personnummer: one person, one pseudonym, which the
     * identity vault links to their participant id.
     */
    static final String PSEUDONYM_OF_19811218_9876 = "cj7cc5pwvhekolfwsqobydukerbztwrte2kdzrbg6ls3c4k4r2xq";

    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry registry) {
        IntegrationTestConfiguration.registerVault(registry);
    }

    @Override
    protected String topicName() {
        return SupportEvents.TOPIC;
    }

    @Test
    void publishesEnrolmentVoluntarySupportContactsAndScoredQualityOfLife() {
        String token = TestTokens.malmoReporter();
        Api.Response enrolled = api.post("/api/v1/enrolments", token, enrolment("19811218-9876"));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        String participant = enrolled.json().get("participantId").asString();
        assertThat(participant).isNotEqualTo(PSEUDONYM_OF_19811218_9876);
        assertThat(participantIdOf(PSEUDONYM_OF_19811218_9876)).isEqualTo(participant);

        String episode = created(api.post(
                        "/api/v1/participants/" + participant + "/support-episodes",
                        token,
                        Api.json(Map.of("startedOn", "2026-09-01", "model", "ICM", "plannedContactsPerMonth", 8))))
                .get("episodeId")
                .asString();
        String declined = ok(api.post(
                        "/api/v1/support-episodes/" + episode + "/offers",
                        token,
                        Api.json(Map.of("offeredOn", "2026-09-02", "serviceType", "SUBSTANCE_USE_TREATMENT"))))
                .get("offerId")
                .asString();
        ok(api.post(
                "/api/v1/support-episodes/" + episode + "/offers/" + declined + "/decline",
                token,
                Api.json(Map.of("declinedOn", "2026-09-03", "reason", "NOT_WANTED_NOW"))));
        String accepted = ok(api.post(
                        "/api/v1/support-episodes/" + episode + "/offers",
                        token,
                        Api.json(Map.of("offeredOn", "2026-09-04", "serviceType", "INCOME_AND_BENEFITS"))))
                .get("offerId")
                .asString();
        ok(api.post(
                "/api/v1/support-episodes/" + episode + "/offers/" + accepted + "/accept",
                token,
                Api.json(Map.of("acceptedOn", "2026-09-05"))));
        ok(api.post("/api/v1/support-episodes/" + episode + "/contacts", token, contact("2026-09-10", 45, false)));
        ok(api.post("/api/v1/support-episodes/" + episode + "/contacts", token, contact("2026-09-17", 0, true)));
        JsonNode assessment = created(api.post(
                "/api/v1/participants/" + participant + "/quality-of-life-assessments",
                token,
                Api.json(Map.of(
                        "assessedOn", "2026-09-01",
                        "instrument", "WHOQOL_BREF",
                        "instrumentVersion", "WHOQOL-BREF-SV-1998",
                        "timepoint", "BASELINE",
                        "answers", whoqolWorkedExample()))));
        assertThat(assessment.get("scores").get("physical_100").asDouble()).isEqualTo(71.43);

        List<JsonNode> events = eventsOf(participant, 9);
        assertThat(events)
                .extracting(e -> e.get("type").asString())
                .containsExactly(
                        "org.housingfirst.support.ParticipantEnrolled.v1",
                        "org.housingfirst.support.SupportEpisodeStarted.v1",
                        "org.housingfirst.support.SupportOffered.v1",
                        "org.housingfirst.support.SupportDeclined.v1",
                        "org.housingfirst.support.SupportOffered.v1",
                        "org.housingfirst.support.SupportAccepted.v1",
                        "org.housingfirst.support.SupportContactRecorded.v1",
                        "org.housingfirst.support.SupportContactRecorded.v1",
                        "org.housingfirst.support.QualityOfLifeAssessed.v1");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("partitionkey").asString()).isEqualTo(participant);
            assertThat(e.get("dataschema").asString()).startsWith("urn:housingfirst:contracts:support:");
        });
        JsonNode scores = events.get(8).get("data").get("scores");
        assertThat(scores.get("physical_100").asDouble()).isEqualTo(71.43);
        assertThat(scores.get("psychological_100").asDouble()).isEqualTo(45.83);
        assertThat(scores.get("social_100").asDouble()).isEqualTo(66.67);
        assertThat(scores.get("environment_100").asDouble()).isEqualTo(50.0);
        assertThat(events.get(8).get("data").has("answers")).isFalse();
        assertThat(events.get(7).get("data").get("missed").asBoolean()).isTrue();
        assertThat(events.get(3).get("data").get("reason").asString()).isEqualTo("NOT_WANTED_NOW");

        JsonNode view = api.get("/api/v1/participants/" + participant + "/support", TestTokens.malmoAnalyst())
                .json();
        JsonNode episodeView = view.get("episodes").get(0);
        assertThat(episodeView.get("offers").asInt()).isEqualTo(2);
        assertThat(episodeView.get("declined").asInt()).isEqualTo(1);
        assertThat(episodeView.get("accepted").asInt()).isEqualTo(1);
        assertThat(episodeView.get("contacts").asInt()).isEqualTo(1);
        assertThat(episodeView.get("missedContacts").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT answers ->> 'Q3' FROM assessment_answers WHERE participant_id = ?")
                        .param(participant)
                        .query(String.class)
                        .single())
                .isEqualTo("2");
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndStoresNothing() {
        String token = TestTokens.malmoReporter();
        String participant = created(api.post("/api/v1/enrolments", token, enrolment("850101-1236")))
                .get("participantId")
                .asString();
        String episode = created(api.post(
                        "/api/v1/participants/" + participant + "/support-episodes",
                        token,
                        Api.json(Map.of("startedOn", "2026-10-01", "model", "ACT", "plannedContactsPerMonth", 12))))
                .get("episodeId")
                .asString();
        long before = storedEvents();

        assertProblem(api.post("/api/v1/enrolments", token, enrolment("850101-1237")), 400, "participant.value");
        Map<String, Object> unknownEnum = new LinkedHashMap<>(enrolmentFields("900315-4565"));
        unknownEnum.put("referralSource", "ORACLE");
        assertProblem(api.post("/api/v1/enrolments", token, Api.json(unknownEnum)), 400, "referralSource");
        Map<String, Object> missing = new LinkedHashMap<>(enrolmentFields("900315-4565"));
        missing.remove("birthYear");
        assertProblem(api.post("/api/v1/enrolments", token, Api.json(missing)), 400, "birthYear");
        assertProblem(api.post("/api/v1/enrolments", token, enrolment("850101-1236")), 409, "programmeId");

        String qol = "/api/v1/participants/" + participant + "/quality-of-life-assessments";
        Map<String, Integer> outOfRange = whoqolWorkedExample();
        outOfRange.put("Q7", 6);
        assertProblem(api.post(qol, token, assessment("WHOQOL_BREF", "BASELINE", outOfRange)), 422, "answers.Q7");
        assertProblem(api.post(qol, token, assessment("QOLI_20", "BASELINE", Map.of("Q1", 3))), 400, "instrument");
        Map<String, Integer> tooFew = new HashMap<>(Map.of("S1", 4, "S2", 5));
        assertProblem(api.post(qol, token, assessment("MANSA", "BASELINE", tooFew)), 422, "answers");
        assertProblem(
                api.post(qol, token, assessment("EQ_5D_5L", "BASELINE", Map.of("MO", 1, "SC", 1, "UA", 1, "PD", 1))),
                422,
                "answers.AD");
        assertProblem(
                api.post(
                        "/api/v1/support-episodes/00000000-0000-4000-8000-000000000000/offers",
                        token,
                        Api.json(Map.of("offeredOn", "2026-10-02", "serviceType", "EMPLOYMENT"))),
                404,
                "episodeId");
        assertProblem(
                api.post("/api/v1/support-episodes/" + episode + "/contacts", token, contact("2026-09-30", 30, false)),
                422,
                "contactedOn");
        assertProblem(
                api.post("/api/v1/support-episodes/" + episode + "/contacts", token, contact("2026-10-03", 30, true)),
                422,
                "durationMinutes");
        assertProblem(
                api.post(
                        "/api/v1/support-episodes/" + episode + "/contacts",
                        TestTokens.lundReporter(),
                        contact("2026-10-03", 30, false)),
                404,
                "episodeId");
        assertProblem(
                api.post("/api/v1/participants/198501011236/support-episodes", token, Api.json(Map.of())),
                400,
                "participantId");
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(api.post(qol, token, assessment("MANSA", "BASELINE", mansaAnswers()))
                        .status())
                .isEqualTo(201);
        assertProblem(api.post(qol, token, assessment("MANSA", "BASELINE", mansaAnswers())), 409, "timepoint");
        ok(api.post(
                "/api/v1/support-episodes/" + episode + "/end",
                token,
                Api.json(Map.of("endedOn", "2026-10-05", "reason", "NO_LONGER_NEEDED"))));
        assertProblem(
                api.post("/api/v1/support-episodes/" + episode + "/contacts", token, contact("2026-10-06", 30, false)),
                409,
                "episodeId");
    }

    @Test
    void everyEndpointRefusesBadInputWithAProblemAndStoresNothing() {
        String token = TestTokens.malmoReporter();
        OpenOffer open = openOffer("750620-7898", "2026-10-01", "FACT", "2026-10-02");
        String offer = open.offer();
        long before = storedEvents();
        String p = "/api/v1/participants/" + open.participant();
        String e = "/api/v1/support-episodes/" + open.episode();

        assertProblem(
                api.post(p + "/consents", token, Api.json(Map.of("purpose", "MARKETING", "date", "2026-10-01"))),
                400,
                "purpose");
        assertProblem(
                api.post(
                        p + "/consent-withdrawals",
                        token,
                        Api.json(Map.of("purpose", "RESEARCH", "date", "2026-10-01"))),
                409,
                "purpose");
        assertProblem(
                api.post(
                        p + "/exits",
                        token,
                        Api.json(Map.of(
                                "programmeId",
                                "another-programme",
                                "exitedOn",
                                "2026-10-01",
                                "exitReason",
                                "MOVED_OUT_OF_AREA",
                                "destinationCategory",
                                "PERMANENT"))),
                409,
                "programmeId");
        assertProblem(
                api.post(
                        p + "/support-episodes",
                        token,
                        Api.json(Map.of("startedOn", "2026-10-01", "model", "ICM", "plannedContactsPerMonth", 101))),
                400,
                "plannedContactsPerMonth");
        assertProblem(
                api.post(e + "/offers/" + offer + "/accept", token, Api.json(Map.of("acceptedOn", "2026-10-01"))),
                422,
                "acceptedOn");
        assertProblem(
                api.post(e + "/offers/" + offer + "/decline", token, Api.json(Map.of("declinedOn", "2026-10-03"))),
                400,
                "reason");
        assertProblem(
                api.post(
                        e + "/offers/00000000-0000-4000-8000-000000000000/accept",
                        token,
                        Api.json(Map.of("acceptedOn", "2026-10-03"))),
                404,
                "offerId");
        assertProblem(
                api.post(
                        e + "/intensity-changes",
                        token,
                        Api.json(Map.of("changedOn", "2026-10-03", "toModel", "FACT", "plannedContactsPerMonth", 4))),
                422,
                "toModel");
        assertProblem(
                api.post(e + "/end", token, Api.json(Map.of("endedOn", "2027-01-01", "reason", "MOVED"))),
                422,
                "endedOn");
        assertProblem(
                api.get("/api/v1/support-episodes/" + open.episode(), TestTokens.lundReporter()), 404, "episodeId");
        assertProblem(
                api.post(
                        "/api/v1/programmes/malmo-bostad-forst/fidelity-assessments",
                        token,
                        Api.json(Map.of(
                                "assessedOn",
                                "2026-10-01",
                                "scale",
                                "OTHER",
                                "scaleVersion",
                                "TEST-4",
                                "assessorType",
                                "SELF",
                                "itemScores",
                                Map.of("HP1", 4, "HP2", 3, "SP1", 2)))),
                422,
                "itemScores.SP2");
        assertProblem(
                api.post(
                        "/api/v1/programmes/malmo-bostad-forst/fidelity-assessments",
                        token,
                        Api.json(Map.of(
                                "assessedOn",
                                "2026-10-01",
                                "scale",
                                "DANISH_HF",
                                "scaleVersion",
                                "1",
                                "assessorType",
                                "SELF",
                                "itemScores",
                                Map.of("A", 4)))),
                422,
                "scale");
        assertProblem(
                api.post(
                        "/api/v1/programmes/Malmo Stad/fidelity-assessments".replace(" ", "%20"),
                        token,
                        Api.json(Map.of())),
                400,
                "programmeId");

        assertThat(api.post(p + "/consents", null, Api.json(Map.of("purpose", "SERVICE", "date", "2026-10-01")))
                        .status())
                .isEqualTo(401);
        assertThat(api.post(
                                p + "/consents",
                                TestTokens.malmoAnalyst(),
                                Api.json(Map.of("purpose", "SERVICE", "date", "2026-10-01")))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(p + "/support", TestTokens.national()).status()).isEqualTo(403);
        assertThat(api.get(p + "/support", TestTokens.lundReporter()).json().get("episodes"))
                .isEmpty();
        assertThat(storedEvents()).isEqualTo(before);
    }

    /* A probe found each of these read leniently and stored: an ordinal became a consent for SERVICE, 8.5 became 8. */
    @Test
    void bodiesAreReadStrictlyAndALenientReadingStoresNothing() {
        String token = TestTokens.malmoReporter();
        OpenOffer open = openOffer("691103-2347", "2026-10-01", "FACT", "2026-10-02");
        long before = storedEvents();
        String consents = "/api/v1/participants/" + open.participant() + "/consents";
        String contacts = "/api/v1/support-episodes/" + open.episode() + "/contacts";
        String contact = contact("2026-10-06", 30, false);

        assertProblem(api.post(consents, token, "{\"purpose\":0,\"date\":\"2026-10-01\"}"), 400, "purpose");
        assertProblem(api.post(consents, token, "{\"purpose\":\" SERVICE\",\"date\":\"2026-10-01\"}"), 400, "purpose");
        assertProblem(
                api.post(consents, token, "{\"purpose\":\"SERVICE\",\"date\":\"2026-10-01T00:00:00\"}"), 400, "date");
        assertProblem(api.post(consents, token, "{\"purpose\":\"SERVICE\",\"date\":[2026,10,1]}"), 400, "date");
        assertProblem(
                api.post(contacts, token, contact.replace("\"durationMinutes\":30", "\"durationMinutes\":8.5")),
                400,
                "durationMinutes");
        assertProblem(
                api.post(contacts, token, contact.replace("\"durationMinutes\":30", "\"durationMinutes\":\"30\"")),
                400,
                "durationMinutes");
        assertProblem(api.post(contacts, token, contact.replace("\"missed\":false", "\"missed\":0")), 400, "missed");
        Api.Response duplicate = api.post(
                consents, token, "{\"purpose\":\"STATISTICS\",\"purpose\":\"SERVICE\",\"date\":\"2026-10-01\"}");
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(400);
        assertThat(duplicate.header("Content-Type")).startsWith("application/problem+json");

        assertThat(storedEvents()).isEqualTo(before);
    }

    /* A probe found every cross-municipality 404 logged with the pseudonym and a stack trace. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anotherMunicipalitysParticipantIsA404ThatLogsNothingAboutThem(CapturedOutput output) {
        OpenOffer open = openOffer("770224-5171", "2026-10-01", "FACT", "2026-10-02");
        Api.Response lund = api.post(
                "/api/v1/participants/" + open.participant() + "/consents",
                TestTokens.lundReporter(),
                Api.json(Map.of("purpose", "SERVICE", "date", "2026-10-03")));
        assertThat(lund.status()).as(lund.body()).isEqualTo(404);
        assertThat(lund.body()).doesNotContain(open.participant());
        assertThat(output.getAll()).doesNotContain(open.participant()).doesNotContain("AggregateNotFoundException");
    }

    /* A probe put a personnummer into events through programmeId, instrumentVersion and an answers key. */
    @Test
    void freeTextFieldsCannotCarryAnIdentityNumberAndAreNeverEchoed() {
        String token = TestTokens.malmoReporter();
        OpenOffer open = openOffer("720506-2313", "2026-10-01", "FACT", "2026-10-02");
        long before = storedEvents();
        String p = "/api/v1/participants/" + open.participant();

        Map<String, Object> enrol = enrolmentFields("580913-4025");
        enrol.put("programmeId", "19811218-9876");
        assertProblem(api.post("/api/v1/enrolments", token, Api.json(enrol)), 400, "programmeId");
        assertProblem(
                api.post(
                        p + "/exits",
                        token,
                        Api.json(Map.of(
                                "programmeId", "hf-198112189876",
                                "exitedOn", "2026-10-05",
                                "exitReason", "MOVED_OUT_OF_AREA",
                                "destinationCategory", "PERMANENT"))),
                400,
                "programmeId");
        assertProblem(
                api.post("/api/v1/programmes/19811218-9876/fidelity-assessments", token, Api.json(Map.of())),
                400,
                "programmeId");
        assertProblem(
                api.post(
                        p + "/quality-of-life-assessments",
                        token,
                        assessment("MANSA", "AD_HOC", mansaAnswers()).replace("\"v1\"", "\"19811218-9876\"")),
                400,
                "instrumentVersion");
        assertProblem(
                api.post(
                        p + "/quality-of-life-assessments",
                        token,
                        assessment("MANSA", "AD_HOC", mansaAnswers()).replace("\"v1\"", "\"v1\\u0007\"")),
                400,
                "instrumentVersion");
        Map<String, Integer> answers = mansaAnswers();
        answers.put("198112189876", 4);
        assertProblem(
                api.post(p + "/quality-of-life-assessments", token, assessment("MANSA", "AD_HOC", answers)),
                400,
                "answers");
        assertProblem(
                api.post(
                        "/api/v1/programmes/malmo-bostad-forst/fidelity-assessments",
                        token,
                        Api.json(Map.of(
                                "assessedOn", "2026-10-01",
                                "scale", "OTHER",
                                "scaleVersion", "TEST-4",
                                "assessorType", "SELF",
                                "itemScores", Map.of("HP1", 4, "19811218-9876", 3)))),
                400,
                "itemScores");

        assertThat(storedEvents()).isEqualTo(before);
    }

    /* Year -1 and year 1 were accepted and published once, and stopped every consumer downstream. */
    @Test
    void everyDatedEndpointRefusesImplausibleBusinessDatesAndStoresNothing() {
        String token = TestTokens.malmoReporter();
        OpenOffer open = openOffer("700412-1237", "2026-09-01", "ICM", "2026-09-02");
        String offer = open.offer();
        long before = storedEvents();
        String p = "/api/v1/participants/" + open.participant();
        String e = "/api/v1/support-episodes/" + open.episode();

        for (String date : List.of("-0001-01-01", "0001-01-01", "1899-12-31", "9999-12-31")) {
            // year -1 is not a date as YYYY-MM-DD (400); the others are dates outside the plausible range (422)
            int status = date.startsWith("-") ? 400 : 422;
            Map<String, Object> enrol = enrolmentFields("630715-4564");
            enrol.put("enrolledOn", date);
            assertProblem(api.post("/api/v1/enrolments", token, Api.json(enrol)), status, "enrolledOn");
            String consent = Api.json(Map.of("purpose", "NATIONAL_STATISTICS", "date", date));
            assertProblem(api.post(p + "/consents", token, consent), status, "date");
            assertProblem(api.post(p + "/consent-withdrawals", token, consent), status, "date");
            assertProblem(
                    api.post(
                            p + "/exits",
                            token,
                            Api.json(Map.of(
                                    "programmeId",
                                    "malmo-bostad-forst",
                                    "exitedOn",
                                    date,
                                    "exitReason",
                                    "MOVED_OUT_OF_AREA",
                                    "destinationCategory",
                                    "PERMANENT"))),
                    status,
                    "exitedOn");
            assertProblem(
                    api.post(
                            p + "/support-episodes",
                            token,
                            Api.json(Map.of("startedOn", date, "model", "ICM", "plannedContactsPerMonth", 4))),
                    status,
                    "startedOn");
            assertProblem(
                    api.post(e + "/offers", token, Api.json(Map.of("offeredOn", date, "serviceType", "EMPLOYMENT"))),
                    status,
                    "offeredOn");
            assertProblem(
                    api.post(e + "/offers/" + offer + "/accept", token, Api.json(Map.of("acceptedOn", date))),
                    status,
                    "acceptedOn");
            assertProblem(
                    api.post(
                            e + "/offers/" + offer + "/decline",
                            token,
                            Api.json(Map.of("declinedOn", date, "reason", "NOT_WANTED_NOW"))),
                    status,
                    "declinedOn");
            assertProblem(api.post(e + "/contacts", token, contact(date, 30, false)), status, "contactedOn");
            assertProblem(
                    api.post(
                            e + "/intensity-changes",
                            token,
                            Api.json(Map.of("changedOn", date, "toModel", "FACT", "plannedContactsPerMonth", 4))),
                    status,
                    "changedOn");
            assertProblem(
                    api.post(e + "/end", token, Api.json(Map.of("endedOn", date, "reason", "MOVED"))),
                    status,
                    "endedOn");
            assertProblem(
                    api.post(
                            p + "/quality-of-life-assessments",
                            token,
                            assessment("MANSA", "AD_HOC", mansaAnswers(), date)),
                    status,
                    "assessedOn");
            assertProblem(
                    api.post(
                            "/api/v1/programmes/malmo-bostad-forst/fidelity-assessments",
                            token,
                            Api.json(Map.of(
                                    "assessedOn",
                                    date,
                                    "scale",
                                    "OTHER",
                                    "scaleVersion",
                                    "TEST-4",
                                    "assessorType",
                                    "SELF",
                                    "itemScores",
                                    Map.of("HP1", 4, "HP2", 3, "SP1", 2, "SP2", 2)))),
                    status,
                    "assessedOn");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void retriedEnrolmentWithTheSameIdempotencyKeyStoresOneEvent() {
        long before = storedEvents();
        String body = enrolment("880512-6540");
        Api.Response first =
                api.post("/api/v1/enrolments", TestTokens.malmoReporter(), body, "Idempotency-Key", "enrol-1");
        Api.Response retry =
                api.post("/api/v1/enrolments", TestTokens.malmoReporter(), body, "Idempotency-Key", "enrol-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(storedEvents()).isEqualTo(before + 1);

        JsonNode readiness = management.get("/actuator/health/readiness", null).json();
        assertThat(readiness.get("components").get("db").get("status").asString())
                .isEqualTo("UP");
        assertThat(readiness.get("components").get("kafka").get("status").asString())
                .isEqualTo("UP");
        assertThat(api.get("/v3/api-docs", null).json().get("paths").has("/api/v1/enrolments"))
                .isTrue();
    }

    /*
     * The Pathways scale ships with the platform: an assessment on all 38 items needs no configuration. Items 1-7 at 4,
     * 8-14 at 3, 15-24 at 4, 25-32 at 2, 33-38 at 3: 28 + 21 + 40 + 16 + 18 = 123 of 152, 80.92 %.
     */
    @Test
    void aFidelityAssessmentOnTheShippedPathwaysScaleWorksOutOfTheBox() {
        Map<String, Integer> items = new java.util.LinkedHashMap<>();
        String[][] domains = {{"HP", "7", "4"}, {"SH", "7", "3"}, {"SP", "10", "4"}, {"SA", "8", "2"}, {"PS", "6", "3"}
        };
        for (String[] domain : domains) {
            for (int i = 1; i <= Integer.parseInt(domain[1]); i++) {
                items.put(domain[0] + i, Integer.parseInt(domain[2]));
            }
        }
        String path = "/api/v1/programmes/malmo-bostad-forst/fidelity-assessments";
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "assessedOn", "2026-09-15",
                "scale", "PATHWAYS_HF",
                "scaleVersion", "PHF-38-2013",
                "assessorType", "SELF",
                "itemScores", items));
        Api.Response response = api.post(path, TestTokens.malmoReporter(), Api.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode scored = response.json().get("scores");
        assertThat(scored.get("total").asInt()).isEqualTo(123);
        assertThat(scored.get("percent_of_maximum").asDouble()).isEqualTo(80.92);
        assertThat(scored.get("service_array").asDouble()).isEqualTo(2.0);
        assertThat(scored.get("housing_process_and_structure").asDouble()).isEqualTo(4.0);
        assertThat(scored.size()).isEqualTo(5 + 2);
        // one item short is refused naming it
        items.remove("PS6");
        Api.Response short1 = api.post(path, TestTokens.malmoReporter(), Api.json(body));
        assertThat(short1.status()).isEqualTo(422);
        assertThat(short1.body()).contains("itemScores.PS6");
    }

    @Test
    void scoresAndPublishesAProgrammesFidelityKeyedByProgramme() {
        Api.Response response = api.post(
                "/api/v1/programmes/malmo-bostad-forst/fidelity-assessments",
                TestTokens.malmoReporter(),
                Api.json(Map.of(
                        "assessedOn", "2026-10-01",
                        "scale", "OTHER",
                        "scaleVersion", "TEST-4",
                        "assessorType", "EXTERNAL",
                        "itemScores", Map.of("HP1", 4, "HP2", 3, "SP1", 2, "SP2", 4))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String eventId = response.json().get("eventId").asString();

        JsonNode event = Api.JSON.readTree(
                topic
                        .readUntil(rs -> rs.stream().anyMatch(r -> idOf(r).equals(eventId)), Duration.ofSeconds(30))
                        .stream()
                        .filter(r -> idOf(r).equals(eventId))
                        .findFirst()
                        .orElseThrow()
                        .value());
        /* 4 + 3 + 2 + 4 = 13 of 16: 81.25 %; housing_process (4 + 3) / 2 = 3.5, service_philosophy (2 + 4) / 2 = 3. */
        assertThat(event.get("partitionkey").asString()).isEqualTo("malmo-bostad-forst");
        assertThat(event.get("data").get("total").asInt()).isEqualTo(13);
        assertThat(event.get("data").get("percentOfMaximum").asDouble()).isEqualTo(81.25);
        assertThat(event.get("data").get("domainMeans").get("housing_process").asDouble())
                .isEqualTo(3.5);
        assertThat(event.get("data")
                        .get("domainMeans")
                        .get("service_philosophy")
                        .asDouble())
                .isEqualTo(3.0);
        assertThat(event.get("data").has("participantId")).isFalse();
    }

    /**
     * The dpo erases a person: the vault's link and every participant-level row of this service go (views, stored item
     * answers, stored idempotent responses), ParticipantErased is published without the identity, the report names
     * neither the person nor their id, and the id the caller kept is 410 from then on. Only the dpo may erase.
     */
    /**
     * Bulk lines run on the aggregates as their single requests would, in one chunk: the second enrolment of a person
     * the first line enrolled is refused by the aggregate, which sees the first line's uncommitted event; a line on
     * another municipality's episode and a bad identity number are refused; the good lines are stored, and no identity
     * number is stored or echoed.
     */
    @Test
    void bulkLinesRunAsTheirSingleRequestsWouldAndOnlyTheGoodOnesAreStored() {
        String malmo = TestTokens.malmoReporter();
        String lundEpisode = created(api.post(
                        "/api/v1/participants/"
                                + created(api.post(
                                                "/api/v1/enrolments",
                                                TestTokens.lundReporter(),
                                                enrolment("19600101-3215")))
                                        .get("participantId")
                                        .asString()
                                + "/support-episodes",
                        TestTokens.lundReporter(),
                        Api.json(Map.of("startedOn", "2026-09-01", "model", "ICM", "plannedContactsPerMonth", 4))))
                .get("episodeId")
                .asString();
        long eventsBefore = storedEvents();
        Api.Response response = api.bulk(
                malmo,
                "",
                List.of(
                        Api.line("bulk-enrol-1", "/api/v1/enrolments", enrolment("19690212-1232")),
                        Api.line("bulk-enrol-2", "/api/v1/enrolments", enrolment("19690212-1232")),
                        Api.line("bulk-enrol-3", "/api/v1/enrolments", enrolment("19751130-4565")),
                        Api.line(
                                "bulk-lund-contact",
                                "/api/v1/support-episodes/" + lundEpisode + "/contacts",
                                contact("2026-09-10", 30, false)),
                        Api.line("bulk-enrol-bad", "/api/v1/enrolments", enrolment("19751130-4566"))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("690212", "751130", "7511304566", "7511304565");
        List<JsonNode> results = Api.results(response);
        assertThat(results)
                .extracting(r -> r.get("result").asString())
                .containsExactly("accepted", "problem", "accepted", "problem", "problem");
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 409, 201, 404, 400);
        assertThat(results.get(1).get("body").get("errors").get(0).get("field").asString())
                .isEqualTo("programmeId");
        assertThat(results.get(3).get("body").get("errors").get(0).get("field").asString())
                .isEqualTo("episodeId");
        assertThat(results.get(4).get("body").get("errors").get(0).get("field").asString())
                .startsWith("participant");
        String first = results.get(0).get("body").get("participantId").asString();
        assertThat(eventsOf(first, 1).getFirst().get("type").asString())
                .isEqualTo("org.housingfirst.support.ParticipantEnrolled.v1");
        assertThat(storedEvents()).isEqualTo(eventsBefore + 2);
        for (String needle : List.of("690212", "751130")) {
            assertThat(rowsHolding(jdbc, needle)).as(needle).isEmpty();
            assertThat(rowsHolding(vault(), needle)).as(needle).isEmpty();
        }
        // the same request again replays every accepted line and stores nothing
        List<JsonNode> again = Api.results(api.bulk(
                malmo,
                "",
                List.of(
                        Api.line("bulk-enrol-1", "/api/v1/enrolments", enrolment("19690212-1232")),
                        Api.line("bulk-enrol-3", "/api/v1/enrolments", enrolment("19751130-4565")))));
        assertThat(again).extracting(r -> r.get("result").asString()).containsExactly("replayed", "replayed");
        assertThat(again.get(0).get("body").get("participantId").asString()).isEqualTo(first);
        assertThat(storedEvents()).isEqualTo(eventsBefore + 2);
    }

    /**
     * A long history is snapshotted (ADR 0007) and commands after the snapshot still decide on the whole state: after
     * 60 daily contacts and the episode's end, a contact is refused because the episode ended, and an offer on the episode
     * too.
     */
    @Test
    void aLongHistoryIsSnapshottedAndLaterCommandsSeeItsWholeState() {
        String token = TestTokens.malmoReporter();
        String participant = created(api.post("/api/v1/enrolments", token, enrolment("19830607-7895")))
                .get("participantId")
                .asString();
        String episode = created(api.post(
                        "/api/v1/participants/" + participant + "/support-episodes",
                        token,
                        Api.json(Map.of("startedOn", "2026-08-16", "model", "ICM", "plannedContactsPerMonth", 4))))
                .get("episodeId")
                .asString();
        List<String> contacts = new ArrayList<>();
        for (int day = 0; day < 60; day++) {
            contacts.add(Api.line(
                    "snapshot-contact-" + day,
                    "/api/v1/support-episodes/" + episode + "/contacts",
                    contact(LocalDate.of(2026, 8, 17).plusDays(day).toString(), 30, false)));
        }
        assertThat(Api.results(api.bulk(token, "", contacts)))
                .allSatisfy(r ->
                        assertThat(r.get("result").asString()).as(r.toString()).isEqualTo("accepted"));
        assertThat(jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier LIKE ?")
                        .param("%" + participant + "%")
                        .query(Integer.class)
                        .single())
                .as("the aggregate's latest snapshot")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT max(sequencenumber) FROM snapshotevententry WHERE aggregateidentifier LIKE ?")
                        .param("%" + participant + "%")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(25L);
        ok(api.post(
                "/api/v1/support-episodes/" + episode + "/end",
                token,
                Api.json(Map.of("endedOn", "2026-10-20", "reason", "NO_LONGER_NEEDED"))));
        assertProblem(
                api.post("/api/v1/support-episodes/" + episode + "/contacts", token, contact("2026-10-21", 30, false)),
                409,
                "episodeId");
        assertProblem(
                api.post(
                        "/api/v1/support-episodes/" + episode + "/offers",
                        token,
                        Api.json(Map.of("offeredOn", "2026-10-21", "serviceType", "INCOME_AND_BENEFITS"))),
                409,
                "episodeId");
        assertThat(eventsOf(participant, 63).getLast().get("type").asString())
                .isEqualTo("org.housingfirst.support.SupportEpisodeEnded.v1");
    }

    /** Rows of any table, as text or as the hex that bytea prints, holding the text. */
    private static List<String> rowsHolding(org.springframework.jdbc.core.simple.JdbcClient db, String needle) {
        String hex = java.util.HexFormat.of().formatHex(needle.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        for (String table : db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .query(String.class)
                .list()) {
            found.addAll(db.sql("SELECT t::text FROM " + table + " t WHERE t::text LIKE ? OR t::text LIKE ?")
                    .params("%" + needle + "%", "%" + hex + "%")
                    .query(String.class)
                    .list());
        }
        return found;
    }

    @Test
    void theDpoErasesAPersonAndNothingHereLeadsBackToThem() {
        String personnummer = "19650304-2381";
        String token = TestTokens.malmoReporter();
        String participant = created(api.post(
                        "/api/v1/enrolments", token, enrolment(personnummer), "Idempotency-Key", "erase-me-enrol"))
                .get("participantId")
                .asString();
        created(api.post(
                "/api/v1/participants/" + participant + "/support-episodes",
                token,
                Api.json(Map.of("startedOn", "2026-08-20", "model", "ICM", "plannedContactsPerMonth", 4))));
        created(api.post(
                "/api/v1/participants/" + participant + "/quality-of-life-assessments",
                token,
                assessment("MANSA", "BASELINE", mansaAnswers())));
        String body = Api.json(Map.of("participant", Map.of("scheme", "SE_PERSONNUMMER", "value", personnummer)));
        String dpo = TestTokens.token("dpo", "SE", "1280", "malmo-kommun");

        assertThat(api.post("/api/v1/erasures", token, body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/erasures", TestTokens.token("operator", "SE", "1280", "malmo-kommun"), body)
                        .status())
                .isEqualTo(403);
        Api.Response erased = api.post("/api/v1/erasures", dpo, body, "Access-Purpose", "begaran-om-radering");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        JsonNode report = erased.json();
        assertThat(report.get("cause").asString()).isEqualTo("REQUEST");
        assertThat(report.get("linksDeleted").asInt()).isEqualTo(1);
        assertThat(report.get("recordedBeforeTheVault").asBoolean()).isFalse();
        assertThat(report.get("services").toString())
                .contains("{\"service\":\"tenancy-service\",\"erasedAt\":null}")
                .containsPattern("\\{\"service\":\"support-service\",\"erasedAt\":\"2026-[^\"]+\"}");
        assertThat(erased.body()).doesNotContain(participant, "650304", PSEUDONYM_OF_19811218_9876);
        assertThat(vault().sql("SELECT count(*) FROM participant_link WHERE surrogate = ?")
                        .param(participant)
                        .query(Integer.class)
                        .single())
                .isZero();
        for (String table : List.of("enrolment_view", "episode_view", "assessment_answers")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE participant_id = ?")
                            .param(participant)
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM idempotent_request WHERE position(convert_to(?, 'UTF8') IN body) > 0")
                        .param(participant)
                        .query(Integer.class)
                        .single())
                .isZero();
        JsonNode event = eventsOf(participant, 4).getLast();
        assertThat(event.get("type").asString()).isEqualTo("org.housingfirst.support.ParticipantErased.v1");
        assertThat(event.get("data").get("cause").asString()).isEqualTo("REQUEST");
        assertThat(event.toString()).doesNotContain("650304");
        assertThat(api.get("/api/v1/access-log?participantId=" + participant, dpo)
                        .json()
                        .findValuesAsString("action"))
                .contains("ERASE");

        assertProblem(api.get("/api/v1/participants/" + participant + "/support", token), 410, "participantId");
        assertProblem(
                api.post(
                        "/api/v1/participants/" + participant + "/exits",
                        token,
                        Api.json(Map.of(
                                "programmeId", "malmo-bostad-forst",
                                "exitedOn", "2026-10-01",
                                "exitReason", "MOVED_OUT_OF_AREA",
                                "destinationCategory", "PERMANENT"))),
                410,
                "participantId");
        assertProblem(api.post("/api/v1/erasures", dpo, body), 404, "participant");
        // the same person enrolled again is someone new
        String again = created(api.post("/api/v1/enrolments", token, enrolment(personnummer)))
                .get("participantId")
                .asString();
        assertThat(again).isNotEqualTo(participant);
    }

    /**
     * This service's part of a subject access export: the person's events, stored rows (the item answers included) and
     * access-log entries in the dpo's municipality, nothing of another municipality's; for the dpo only. The export by
     * identity number needs every service's part: with the others down it is a 503, never a partial export.
     */
    @Test
    void theDpoExportsWhatThisServiceHoldsAboutAPersonAndNothingPartial() {
        String token = TestTokens.malmoReporter();
        String participant = created(api.post("/api/v1/enrolments", token, enrolment("19720815-1238")))
                .get("participantId")
                .asString();
        created(api.post(
                "/api/v1/participants/" + participant + "/quality-of-life-assessments",
                token,
                assessment("MANSA", "BASELINE", mansaAnswers())));
        created(api.post("/api/v1/enrolments", TestTokens.lundReporter(), enrolment("19720815-1238")));
        String dpo = TestTokens.token("dpo", "SE", "1280", "malmo-kommun");
        String path = "/api/v1/participants/" + participant + "/subject-access";

        assertThat(api.get(path, token).status()).isEqualTo(403);
        Api.Response part = api.get(path, dpo);

        assertThat(part.status()).as(part.body()).isEqualTo(200);
        JsonNode export = part.json();
        assertThat(export.get("service").asString()).isEqualTo("support-service");
        assertThat(export.get("events").findValuesAsString("type"))
                .containsExactly("ParticipantEnrolled", "QualityOfLifeAssessed");
        assertThat(export.get("records").get("enrolment_view")).hasSize(1);
        assertThat(export.get("records")
                        .get("enrolment_view")
                        .get(0)
                        .get("municipality_code")
                        .asString())
                .isEqualTo("1280");
        assertThat(export.get("records")
                        .get("assessment_answers")
                        .get(0)
                        .get("answers")
                        .get("S1")
                        .asInt())
                .isEqualTo(4);
        assertThat(export.get("accessLog").findValuesAsString("resource"))
                .containsExactly("GET /api/v1/participants/{participantId}/subject-access");

        Api.Response byIdentity = api.post(
                "/api/v1/subject-access-requests",
                dpo,
                Api.json(Map.of("participant", Map.of("scheme", "SE_PERSONNUMMER", "value", "19720815-1238"))));
        assertThat(byIdentity.status()).as(byIdentity.body()).isEqualTo(503);
        assertThat(byIdentity.header("Content-Type")).startsWith("application/problem+json");
        assertThat(byIdentity.body())
                .contains("tenancy-service did not give its part")
                .doesNotContain("720815");
    }

    /**
     * The retention schedule erases, through the erasure path, whoever has exited and whose municipality's period after
     * the exit has run out, as the controllable clock moves on; nobody still enrolled and nobody in a municipality
     * without a period.
     */
    @Test
    void participantsWhoseRetentionPeriodAfterExitRanOutAreErasedOnSchedule() {
        String early = enrolAndExit(TestTokens.malmoReporter(), "retention-early", "2020-01-10");
        String recent = enrolAndExit(TestTokens.malmoReporter(), "retention-recent", "2024-06-01");
        String staying = enrolAndExit(TestTokens.malmoReporter(), "retention-staying", null);
        String lund = enrolAndExit(TestTokens.lundReporter(), "retention-lund", "2019-05-05");
        Instant start = clock.instant();
        try {
            expiry.expire(); // 2026-11-24: early's five years ended on 2025-01-10

            assertThat(erased(early)).isTrue();
            assertThat(List.of(recent, staying, lund)).noneMatch(this::erased);
            JsonNode event = eventsOf(early, 3).getLast();
            assertThat(event.get("type").asString()).isEqualTo("org.housingfirst.support.ParticipantErased.v1");
            assertThat(event.get("data").get("cause").asString()).isEqualTo("RETENTION");
            assertThat(event.get("data").get("reportingOrganisation").asString())
                    .isEqualTo("platform-retention");
            JsonNode logged = null;
            for (JsonNode entry : api.get(
                            "/api/v1/access-log?participantId=" + early,
                            TestTokens.token("dpo", "SE", "1280", "malmo-kommun"))
                    .json()) {
                logged = entry.get("action").asString().equals("ERASE") ? entry : logged;
            }
            assertThat(logged).as("the erasure's entry").isNotNull();
            assertThat(logged.get("subject").asString()).isEqualTo("platform");
            assertThat(logged.get("resource").asString()).isEqualTo("retention period after exit");
            assertThat(api.get("/api/v1/participants/" + early + "/support", TestTokens.malmoReporter())
                            .status())
                    .isEqualTo(410);

            clock.advance(java.time.Period.ofYears(3)); // 2029-11-24: recent's ended on 2029-06-01
            expiry.expire();

            assertThat(erased(recent)).isTrue();
            assertThat(List.of(staying, lund)).noneMatch(this::erased);
        } finally {
            clock.set(start);
        }
    }

    private boolean erased(String participant) {
        return vault().sql("SELECT count(*) FROM participant_erasure WHERE surrogate = ?")
                        .param(participant)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    /** Enrols someone by local reference in 2019 and, unless {@code exitedOn} is null, records their exit. */
    private String enrolAndExit(String token, String reference, String exitedOn) {
        Map<String, Object> fields = enrolmentFields("19811218-9876");
        fields.put("participant", Map.of("scheme", "LOCAL_REFERENCE", "value", reference));
        fields.put("enrolledOn", "2019-03-01");
        String participant = created(api.post("/api/v1/enrolments", token, Api.json(fields)))
                .get("participantId")
                .asString();
        if (exitedOn != null) {
            ok(api.post(
                    "/api/v1/participants/" + participant + "/exits",
                    token,
                    Api.json(Map.of(
                            "programmeId", "malmo-bostad-forst",
                            "exitedOn", exitedOn,
                            "exitReason", "NO_LONGER_NEEDS_SUPPORT",
                            "destinationCategory", "PERMANENT"))));
        }
        return participant;
    }

    /**
     * Consent's defined effects beside NATIONAL_STATISTICS: once consent to the service is withdrawn, nothing new of
     * the service is recorded from that day on (episode work, offers, acceptances, contacts, assessments; a decline
     * still is) until consent is recorded again; a RESEARCH withdrawal changes nothing here.
     */
    @Test
    void afterConsentToTheServiceIsWithdrawnNothingNewOfTheServiceIsRecordedAndResearchChangesNothingHere() {
        String token = TestTokens.malmoReporter();
        OpenOffer open = openOffer("780101-1235", "2026-09-01", "ICM", "2026-09-02");
        String participant = "/api/v1/participants/" + open.participant();
        String episode = "/api/v1/support-episodes/" + open.episode();
        for (String purpose : List.of("SERVICE", "RESEARCH")) {
            ok(api.post(participant + "/consents", token, Api.json(Map.of("purpose", purpose, "date", "2026-08-20"))));
        }
        ok(api.post(
                participant + "/consent-withdrawals",
                token,
                Api.json(Map.of("purpose", "RESEARCH", "date", "2026-09-10"))));
        ok(api.post(episode + "/contacts", token, contact("2026-09-12", 30, false)));

        ok(api.post(
                participant + "/consent-withdrawals",
                token,
                Api.json(Map.of("purpose", "SERVICE", "date", "2026-09-15"))));

        ok(api.post(episode + "/contacts", token, contact("2026-09-14", 30, false)));
        long before = storedEvents();
        assertProblem(api.post(episode + "/contacts", token, contact("2026-09-16", 30, false)), 409, "contactedOn");
        assertProblem(
                api.post(
                        episode + "/offers",
                        token,
                        Api.json(Map.of("offeredOn", "2026-09-16", "serviceType", "EMPLOYMENT"))),
                409,
                "offeredOn");
        assertProblem(
                api.post(
                        episode + "/offers/" + open.offer() + "/accept",
                        token,
                        Api.json(Map.of("acceptedOn", "2026-09-16"))),
                409,
                "acceptedOn");
        assertProblem(
                api.post(
                        participant + "/quality-of-life-assessments",
                        token,
                        assessment("MANSA", "BASELINE", mansaAnswers(), "2026-09-20")),
                409,
                "assessedOn");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM assessment_answers WHERE participant_id = ?")
                        .param(open.participant())
                        .query(Integer.class)
                        .single())
                .isZero();
        ok(api.post(
                episode + "/offers/" + open.offer() + "/decline",
                token,
                Api.json(Map.of("declinedOn", "2026-09-16", "reason", "NOT_WANTED_NOW"))));

        ok(api.post(participant + "/consents", token, Api.json(Map.of("purpose", "SERVICE", "date", "2026-10-01"))));
        ok(api.post(episode + "/contacts", token, contact("2026-10-02", 30, false)));
    }

    /** An enrolment with an open support episode and an unanswered offer in Malmö. */
    private OpenOffer openOffer(String personnummer, String startedOn, String model, String offeredOn) {
        String token = TestTokens.malmoReporter();
        String participant = created(api.post("/api/v1/enrolments", token, enrolment(personnummer)))
                .get("participantId")
                .asString();
        String episode = created(api.post(
                        "/api/v1/participants/" + participant + "/support-episodes",
                        token,
                        Api.json(Map.of("startedOn", startedOn, "model", model, "plannedContactsPerMonth", 4))))
                .get("episodeId")
                .asString();
        String offer = ok(api.post(
                        "/api/v1/support-episodes/" + episode + "/offers",
                        token,
                        Api.json(Map.of("offeredOn", offeredOn, "serviceType", "PEER_SUPPORT"))))
                .get("offerId")
                .asString();
        return new OpenOffer(participant, episode, offer);
    }

    private record OpenOffer(String participant, String episode, String offer) {}

    /* outcomes-service rebuilds from offset 0: the topic, pre-created with broker defaults here, keeps every event. */
    @Test
    void theTopicKeepsEveryEventForEver() {
        assertThat(TestBackends.topicConfig(SupportEvents.TOPIC))
                .containsEntry("retention.ms", "-1")
                .containsEntry("retention.bytes", "-1");
    }

    private void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(response.body()).contains(field);
        assertThat(response.body()).doesNotContain("850101", "900315", "198112");
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json();
    }

    private static String enrolment(String personnummer) {
        return Api.json(enrolmentFields(personnummer));
    }

    private static Map<String, Object> enrolmentFields(String personnummer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("participant", Map.of("scheme", "SE_PERSONNUMMER", "value", personnummer));
        fields.put("programmeId", "malmo-bostad-forst");
        fields.put("enrolledOn", "2026-08-15");
        fields.put("referralSource", "OUTREACH");
        fields.put("homelessnessSituation", "SE_1_ACUTE");
        fields.put("homelessnessDuration", "YEARS_2_TO_5");
        fields.put("birthYear", 1981);
        return fields;
    }

    private static String contact(String on, int minutes, boolean missed) {
        return Api.json(Map.of(
                "contactedOn", on,
                "mode", "HOME_VISIT",
                "durationMinutes", minutes,
                "staffRole", "SOCIAL_WORKER",
                "missed", missed));
    }

    private static String assessment(String instrument, String timepoint, Map<String, Integer> answers) {
        return assessment(instrument, timepoint, answers, "2026-10-02");
    }

    private static String assessment(
            String instrument, String timepoint, Map<String, Integer> answers, String assessedOn) {
        return Api.json(Map.of(
                "assessedOn", assessedOn,
                "instrument", instrument,
                "instrumentVersion", "v1",
                "timepoint", timepoint,
                "answers", answers));
    }

    /* The worked example of WhoqolBrefTest: physical 71.43, psychological 45.83, social 66.67, environment 50. */
    private static Map<String, Integer> whoqolWorkedExample() {
        int[] values = {4, 2, 2, 1, 3, 4, 3, 3, 4, 4, 2, 2, 3, 2, 3, 4, 3, 4, 3, 4, 2, 5, 4, 3, 3, 4};
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            answers.put("Q" + (i + 1), values[i]);
        }
        return answers;
    }

    private static Map<String, Integer> mansaAnswers() {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 1; i <= 12; i++) {
            answers.put("S" + i, 4);
        }
        return answers;
    }

    private List<JsonNode> eventsOf(String participant, int count) {
        return topic
                .readUntil(
                        rs -> rs.stream()
                                        .filter(r -> participant.equals(r.key()))
                                        .count()
                                >= count,
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> participant.equals(r.key()))
                .map(r -> Api.JSON.readTree(r.value()))
                .toList();
    }

    private static String idOf(ConsumerRecord<String, byte[]> record) {
        return Api.JSON.readTree(record.value()).get("id").asString();
    }
}
