package org.housingfirst.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.housingfirst.contracts.support.SupportEvents;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.identity.IdentityScheme;
import org.housingfirst.identity.ParticipantIdentities;
import org.housingfirst.identity.Pseudonymiser;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.housingfirst.testbackends.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's proof of erasure, on the platform as it runs: a person enrolled, housed, supported and assessed in both
 * writing services is erased by the dpo. Then no table of any database (the three services' and the identity vault),
 * no record of either topic and no service's log holds the identity number, the person's pseudonym or anything that
 * still links them to their former id; the national releases published before are byte for byte the same, and a full
 * rebuild of outcomes-service gives the same figures as before the erasure.
 */
class ErasureEndToEndIT {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final String PERSONNUMMER = "19650304-2381";
    // Lund, so that the figures of the other end-to-end tests in Malmö, on the same topics, stay their own
    private static final String REPORTER = TestTokens.lundReporter();
    private static final String ANALYST = TestTokens.token("analyst", "SE", "1281", "lund-bostad-forst");
    private static final String DPO = TestTokens.token("dpo", "SE", "1281", "lund-kommun");
    private static final String OPERATOR = TestTokens.token("operator", "SE", "1281", "lund-kommun");

    private static Platform platform;
    private static Api tenancy;
    private static Api support;
    private static Api outcomes;

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = Platform.start();
        tenancy = platform.api("tenancy-service");
        support = platform.api("support-service");
        outcomes = platform.api("outcomes-service");
    }

    @AfterAll
    static void stopPlatform() {
        platform.stop();
    }

    @Test
    void anErasedPersonCannotBeFoundAnywhereAndNoFigureChanges() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        LocalDate moveIn = today.minusMonths(14);
        String erased = person(Bodies.personnummer(PERSONNUMMER), moveIn, true);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(person(
                    Map.of("scheme", "LOCAL_REFERENCE", "value", "erasure-e2e-" + i), moveIn.plusDays(i), i % 3 == 0));
        }
        String retention = "/api/v1/metrics/retention?months=12&asOf=" + today;
        PlatformEndToEndIT.eventually(
                () -> outcomes.get(retention, ANALYST)
                                .json()
                                .get("result")
                                .get("eligible")
                                .asInt()
                        >= 7,
                "the seven people to reach outcomes-service");
        JsonNode figuresBefore = figures(today);
        Map<String, byte[]> releasedBefore = publishedTables();

        // subject access first: one export of every service's part, as JSON and as one readable page
        String byIdentity = Api.json(Map.of("participant", Bodies.personnummer(PERSONNUMMER)));
        Api.Response export =
                support.post("/api/v1/subject-access-requests", DPO, byIdentity, "Access-Purpose", "registerutdrag");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.json().get("participantId").asString()).isEqualTo(erased);
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        export.json()
                .get("services")
                .forEach(part -> parts.put(part.get("service").asString(), part));
        assertThat(parts.keySet()).containsExactly("support-service", "tenancy-service", "outcomes-service");
        assertThat(parts.get("support-service").get("events").findValuesAsString("type"))
                .contains("ParticipantEnrolled", "ConsentRecorded", "SupportEpisodeStarted", "QualityOfLifeAssessed");
        assertThat(parts.get("support-service").get("records").get("assessment_answers"))
                .as("the item answers, which never leave support-service")
                .hasSize(1);
        assertThat(parts.get("tenancy-service").get("events").findValuesAsString("type"))
                .contains("TenancyStarted", "TenancyEnded");
        assertThat(parts.get("tenancy-service").get("records").get("tenancy_view"))
                .hasSize(1);
        assertThat(parts.get("outcomes-service").get("records").get("event_log").size())
                .isGreaterThanOrEqualTo(6);
        assertThat(parts.get("tenancy-service").get("accessLog").findValuesAsString("resource"))
                .contains(
                        "POST /api/v1/participant-lookups", "GET /api/v1/participants/{participantId}/subject-access");
        assertThat(parts.get("support-service").get("accessLog").findValuesAsString("purpose"))
                .contains("registerutdrag");
        Api.Response page = support.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                                + platform.ports().get("support-service") + "/api/v1/subject-access-requests"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(byIdentity))
                        .header("Content-Type", "application/json")
                        .header("Accept", "text/html"),
                DPO);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains("<h1>Subject access export</h1>", "<h2>tenancy-service</h2>", "TenancyStarted", erased)
                .doesNotContain(PERSONNUMMER.substring(2, 8));

        Api.Response erasure = support.post(
                "/api/v1/erasures",
                DPO,
                Api.json(Map.of("participant", Bodies.personnummer(PERSONNUMMER))),
                "Access-Purpose",
                "request-under-article-17");

        assertThat(erasure.status()).as(erasure.body()).isEqualTo(200);
        JsonNode report = erasure.json();
        assertThat(report.get("services").findValuesAsString("service"))
                .containsExactlyInAnyOrder("tenancy-service", "support-service");
        assertThat(report.get("services").findValues("erasedAt"))
                .as("both services erased the person before the report")
                .allSatisfy(at -> assertThat(at.isNull()).isFalse());
        assertThat(erasure.body()).doesNotContain(erased, PERSONNUMMER.substring(2, 8));
        PlatformEndToEndIT.eventually(
                () -> Platform.count(
                                platform.jdbcUrl("outcomes-service"),
                                "SELECT count(*) FROM event_log WHERE type LIKE '%ParticipantErased%' AND"
                                        + " partition_key = '" + erased + "'")
                        == 1,
                "outcomes-service to receive ParticipantErased");

        // 1. nothing stored anywhere leads back to the person
        List<String> needles = needles();
        Map<String, String> databases = new LinkedHashMap<>();
        for (String service : Platform.SERVICES) {
            databases.put(service, platform.jdbcUrl(service));
        }
        databases.put("identity vault", platform.vaultJdbcUrl());
        List<String> found = new ArrayList<>();
        int rowsScanned = 0;
        for (Map.Entry<String, String> database : databases.entrySet()) {
            rowsScanned += Platform.scan(database.getKey(), database.getValue(), needles, found);
        }
        assertThat(found)
                .as("rows holding the identity number or the pseudonym")
                .isEmpty();
        assertThat(rowsScanned).isGreaterThan(100);
        assertThat(Platform.count(
                        platform.vaultJdbcUrl(),
                        "SELECT count(*) FROM participant_link WHERE surrogate = '" + erased + "'"))
                .as("the vault's link")
                .isZero();
        for (String service : List.of("tenancy-service", "support-service")) {
            assertThat(Platform.count(
                            platform.jdbcUrl(service),
                            "SELECT count(*) FROM idempotent_request WHERE position(convert_to('" + erased
                                    + "', 'UTF8') IN body) > 0"))
                    .as("stored responses naming the former id in " + service)
                    .isZero();
        }
        for (String table : List.of("tenancy_view", "housing_offer_view")) {
            assertThat(Platform.count(
                            platform.jdbcUrl("tenancy-service"),
                            "SELECT count(*) FROM " + table + " WHERE participant_id = '" + erased + "'"))
                    .as(table)
                    .isZero();
        }
        for (String table : List.of("enrolment_view", "episode_view", "assessment_answers")) {
            assertThat(Platform.count(
                            platform.jdbcUrl("support-service"),
                            "SELECT count(*) FROM " + table + " WHERE participant_id = '" + erased + "'"))
                    .as(table)
                    .isZero();
        }
        int recordsScanned = 0;
        for (String topic : List.of(TenancyEvents.TOPIC, SupportEvents.TOPIC)) {
            try (TopicReader reader = new TopicReader(TestBackends.kafkaBootstrapServers(), topic)) {
                for (ConsumerRecord<String, byte[]> record : reader.drain(Duration.ofSeconds(3))) {
                    recordsScanned++;
                    String text = (record.key() == null ? "" : record.key()) + " "
                            + new String(record.value(), StandardCharsets.UTF_8);
                    needles.stream()
                            .filter(text::contains)
                            .forEach(n -> found.add(topic + " offset " + record.offset()));
                }
            }
        }
        assertThat(found)
                .as("topic records holding the identity number or the pseudonym")
                .isEmpty();
        assertThat(recordsScanned).isGreaterThan(40);
        for (String service : Platform.SERVICES) {
            String log = Files.readString(Path.of("target", service + ".log"));
            assertThat(needles).as(service + "'s log").noneMatch(log::contains);
        }
        // the anonymous events stay: outcomes-service's event log still has the former id's events
        assertThat(Platform.count(
                        platform.jdbcUrl("outcomes-service"),
                        "SELECT count(*) FROM event_log WHERE partition_key = '" + erased + "'"))
                .isGreaterThan(5);

        // 2. what the caller kept of the former id reads and records nothing; the identity exports nothing
        assertThat(support.post("/api/v1/subject-access-requests", DPO, byIdentity)
                        .status())
                .isEqualTo(404);
        assertThat(support.get("/api/v1/participants/" + erased + "/support", REPORTER)
                        .status())
                .isEqualTo(410);
        assertThat(tenancy.get("/api/v1/participants/" + erased + "/tenancies", REPORTER)
                        .status())
                .isEqualTo(410);

        // 3. the releases published before are the same, byte for byte, and nothing is revised
        Map<String, byte[]> releasedAfter = publishedTables();
        assertThat(releasedAfter.keySet()).isEqualTo(releasedBefore.keySet());
        releasedBefore.forEach(
                (table, bytes) -> assertThat(releasedAfter.get(table)).as(table).isEqualTo(bytes));

        // 4. a full rebuild gives the same figures as before the erasure
        Api.Response rebuild = outcomes.post("/api/v1/operations/rebuilds", OPERATOR, "");
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        int version = rebuild.json().get("buildingVersion").asInt();
        PlatformEndToEndIT.eventually(
                () -> outcomes.get("/api/v1/operations/rebuilds", OPERATOR)
                                .json()
                                .get("activeVersion")
                                .asInt()
                        == version,
                "the rebuild to finish");
        assertThat(figures(today)).isEqualTo(figuresBefore);
        assertThat(others).doesNotContain(erased);
    }

    /**
     * One person, enrolled with consent to national statistics, housed 14 months ago, supported (an episode, a
     * contact) and assessed (MANSA), in Lund; every request that names them by identity carries an Idempotency-Key.
     * Some end their tenancy after two months. Returns their participant id.
     */
    private static String person(Map<String, String> identity, LocalDate moveIn, boolean endsEarly) {
        String key = "e2e-" + identity.get("value");
        Api.Response enrolled = support.post(
                "/api/v1/enrolments",
                REPORTER,
                Bodies.enrolment(identity, "lund-bostad-forst", moveIn.minusMonths(1), 1965),
                "Idempotency-Key",
                key + "-enrol");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        String participant = enrolled.json().get("participantId").asString();
        ok(support.post(
                "/api/v1/participants/" + participant + "/consents",
                REPORTER,
                Api.json(Map.of(
                        "purpose",
                        "NATIONAL_STATISTICS",
                        "date",
                        moveIn.minusMonths(1).toString()))));
        Api.Response started = tenancy.post(
                "/api/v1/tenancies", REPORTER, Bodies.tenancy(identity, moveIn), "Idempotency-Key", key + "-tenancy");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("participantId").asString()).isEqualTo(participant);
        String episode = ok(support.post(
                        "/api/v1/participants/" + participant + "/support-episodes",
                        REPORTER,
                        Api.json(Map.of("startedOn", moveIn.toString(), "model", "ICM", "plannedContactsPerMonth", 4))))
                .get("episodeId")
                .asString();
        ok(support.post(
                "/api/v1/support-episodes/" + episode + "/contacts",
                REPORTER,
                Api.json(Map.of(
                        "contactedOn",
                        moveIn.plusDays(7).toString(),
                        "mode",
                        "HOME_VISIT",
                        "durationMinutes",
                        45,
                        "staffRole",
                        "SOCIAL_WORKER",
                        "missed",
                        false))));
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) {
            answers.put("S" + i, 4);
        }
        ok(support.post(
                "/api/v1/participants/" + participant + "/quality-of-life-assessments",
                REPORTER,
                Api.json(Map.of(
                        "assessedOn", moveIn.plusDays(10).toString(),
                        "instrument", "MANSA",
                        "instrumentVersion", "v1",
                        "timepoint", "BASELINE",
                        "answers", answers))));
        if (endsEarly) {
            ok(tenancy.post(
                    "/api/v1/tenancies/" + started.json().get("tenancyId").asString() + "/end",
                    REPORTER,
                    Api.json(Map.of(
                            "endDate", moveIn.plusMonths(2).toString(),
                            "endReason", "EVICTION_RENT_ARREARS",
                            "destinationCategory", "HOMELESS",
                            "initiatedBy", "LANDLORD"))));
        }
        // the participant's reads, which the access log keeps
        ok(tenancy.post("/api/v1/participant-lookups", ANALYST, Api.json(Map.of("participant", identity))));
        return participant;
    }

    /** Lund's retention, time to housing's companion figures and the quality-of-life change, as of today. */
    private static JsonNode figures(LocalDate today) {
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/v1/metrics/retention?months=12&asOf=" + today,
                "/api/v1/metrics/retention?months=6&asOf=" + today)) {
            Api.Response response = outcomes.get(path, ANALYST);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            figures.put(path, response.json().get("result"));
        }
        return Api.JSON.valueToTree(figures);
    }

    /** Publishes what is due and returns every table of every release, as served. */
    private static Map<String, byte[]> publishedTables() {
        Api.Response published = outcomes.post("/api/v1/operations/releases", OPERATOR, "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (JsonNode release : outcomes.get("/api/v1/statistics/releases", TestTokens.national())
                .json()
                .get("releases")) {
            for (JsonNode table : release.get("tables")) {
                String path =
                        "/api/v1/statistics/releases/" + release.get("id").asString() + "/tables/" + table.asString();
                Api.Response response = outcomes.get(path, TestTokens.national());
                assertThat(response.status()).as(path).isEqualTo(200);
                tables.put(path, response.body().getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(tables).as("published tables").isNotEmpty();
        return tables;
    }

    /** The identity number in each written form, and the person's pseudonym (as text, and hex as bytea prints it). */
    private static List<String> needles() {
        String pseudonym = new Pseudonymiser(Base64.getDecoder().decode(IntegrationTestConfiguration.PSEUDONYM_KEY))
                .pseudonymOf(ParticipantIdentities.normalise(
                        IdentityScheme.SE_PERSONNUMMER, PERSONNUMMER, "any", LocalDate.now(ZONE)));
        List<String> needles = new ArrayList<>(
                List.of("196503042381", "6503042381", "650304-2381", "19650304-2381", "650304+2381", pseudonym));
        for (String needle : List.copyOf(needles)) {
            needles.add(HexFormat.of().formatHex(needle.getBytes(StandardCharsets.UTF_8)));
        }
        return needles;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json();
    }
}
