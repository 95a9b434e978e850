package org.housingfirst.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.identity.IdentityScheme;
import org.housingfirst.identity.ParticipantIdentities;
import org.housingfirst.identity.Pseudonymiser;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.ServiceIntegrationTest;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class TenancyServiceIT extends ServiceIntegrationTest {

    private static final String PERSONNUMMER = "19811218-9876";
    private static final LocalDate TODAY = IntegrationTestConfiguration.NOW.toLocalDate();
    /** Ten to twelve digits, optionally with a separator, that are not part of a longer token such as a UUID. */
    private static final Pattern IDENTITY_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z-])(\\d{6}|\\d{8})[-+]?\\d{4}(?![0-9A-Za-z-])|(?<![0-9A-Za-z-])\\d{11}(?![0-9A-Za-z-])");

    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry registry) {
        IntegrationTestConfiguration.registerVault(registry);
    }

    @Override
    protected String topicName() {
        return TenancyEvents.TOPIC;
    }

    @Test
    void publishesATenancyAsACloudEventKeyedByPseudonymWithoutTheIdentityNumber() {
        Api.Response response =
                api.post("/api/v1/tenancies", TestTokens.malmoReporter(), tenancy(PERSONNUMMER, "2026-09-01"));

        assertThat(response.status()).isEqualTo(201);
        String eventId = response.json().get("eventId").asString();
        String participantId = response.json().get("participantId").asString();
        String tenancyId = response.json().get("tenancyId").asString();
        // the id is random; only the identity vault links it to the person's pseudonym, which (computed outside
        // Java) support-service's SupportServiceIT expects for the same person too
        assertThat(participantId).matches(ParticipantId.PATTERN).isNotEqualTo(expectedPseudonym(PERSONNUMMER));
        assertThat(expectedPseudonym(PERSONNUMMER)).isEqualTo("cj7cc5pwvhekolfwsqobydukerbztwrte2kdzrbg6ls3c4k4r2xq");
        assertThat(participantIdOf(expectedPseudonym(PERSONNUMMER))).isEqualTo(participantId);
        assertThat(response.header("Location")).isEqualTo("/api/v1/tenancies/" + tenancyId);

        ConsumerRecord<String, byte[]> record = recordWithId(eventId);
        assertThat(record.key()).isEqualTo(participantId);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");
        JsonNode cloudEvent = Api.JSON.readTree(record.value());
        assertThat(cloudEvent.get("specversion").asString()).isEqualTo("1.0");
        assertThat(cloudEvent.get("id").asString()).isEqualTo(eventId);
        assertThat(cloudEvent.get("type").asString()).isEqualTo("org.housingfirst.tenancy.TenancyStarted.v1");
        assertThat(cloudEvent.get("dataschema").asString())
                .isEqualTo("urn:housingfirst:contracts:tenancy:TenancyStarted:1");
        assertThat(cloudEvent.get("partitionkey").asString()).isEqualTo(participantId);
        JsonNode data = cloudEvent.get("data");
        assertThat(data.get("eventId").asString()).isEqualTo(eventId);
        assertThat(data.get("tenancyId").asString()).isEqualTo(tenancyId);
        assertThat(data.get("participantId").asString()).isEqualTo(participantId);
        assertThat(data.get("occurredOn").asString()).isEqualTo("2026-09-01");
        assertThat(data.get("contractType").asString()).isEqualTo("FIRST_HAND_LEASE");
        assertThat(data.get("reportingOrganisation").asString()).isEqualTo("malmo-bostad-forst");
        assertThat(data.get("municipality").get("code").asString()).isEqualTo("1280");
        assertThat(data.get("municipality").get("codeListVersion").asString()).isEqualTo("SCB-2025");

        assertNoIdentityNumberIn(storedEventText());
        assertNoIdentityNumberIn(topicText());
    }

    @Test
    void backDatedTenancyEmitsThePassedMilestonesAtOnceDatedWhenReached() {
        LocalDate moveIn = TODAY.minusMonths(13);
        Api.Response response =
                api.post("/api/v1/tenancies", TestTokens.malmoReporter(), tenancy("640823-3234", moveIn.toString()));
        assertThat(response.status()).isEqualTo(201);
        String tenancyId = response.json().get("tenancyId").asString();

        List<JsonNode> milestones = eventsOfTenancy(tenancyId, "TenancySustained", 2);
        assertThat(milestones)
                .extracting(e -> e.get("data").get("months").asInt() + "@"
                        + e.get("data").get("occurredOn").asString())
                .containsExactlyInAnyOrder("6@" + moveIn.plusMonths(6), "12@" + moveIn.plusMonths(12));
        assertThat(api.get("/api/v1/tenancies/" + tenancyId, TestTokens.malmoAnalyst())
                        .json()
                        .get("sustainedMonths")
                        .asInt())
                .isEqualTo(12);
    }

    @Test
    void endedTenancyAllowsRehousingAndRefusesAnythingAfterItsEnd() {
        String tenancyId = startTenancy("701063-2391", "2026-01-10");
        assertThat(api.post("/api/v1/tenancies", TestTokens.malmoReporter(), tenancy("701063-2391", "2026-02-01"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/tenancies/" + tenancyId + "/end", TestTokens.malmoReporter(), ending("2026-06-30"))
                        .status())
                .isEqualTo(200);

        Api.Response afterEnd = api.post(
                "/api/v1/tenancies/" + tenancyId + "/risks",
                TestTokens.malmoReporter(),
                Api.json(Map.of("registeredOn", "2026-07-01", "riskType", "RENT_ARREARS")));
        assertThat(afterEnd.status()).isEqualTo(409);
        assertThat(afterEnd.json().get("errors").get(0).get("field").asString()).isEqualTo("tenancyId");

        Map<String, Object> rehousing = tenancyFields("701063-2391", "2026-07-15");
        rehousing.put("rehousing", true);
        rehousing.put("previousTenancyId", tenancyId);
        Api.Response second = api.post("/api/v1/tenancies", TestTokens.malmoReporter(), Api.json(rehousing));
        assertThat(second.status()).isEqualTo(201);

        String participantId = second.json().get("participantId").asString();
        JsonNode tenancies = api.get("/api/v1/participants/" + participantId + "/tenancies", TestTokens.malmoAnalyst())
                .json();
        assertThat(tenancies).hasSize(2);
        assertThat(tenancies.get(0).get("status").asString()).isEqualTo("ENDED");
        assertThat(tenancies.get(1).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(tenancies.get(1).get("rehousing").asBoolean()).isTrue();
    }

    @Test
    void anEndedTenancyIsCorrectedAsAWholeAndTheCorrectionIsPublishedWithItsRecordingTime() {
        String tenancyId = startTenancy("580314-1232", "2026-01-12");
        String t = "/api/v1/tenancies/" + tenancyId;
        assertThat(api.post(t + "/end", TestTokens.malmoReporter(), ending("2026-06-30"))
                        .status())
                .isEqualTo(200);
        Map<String, Object> correction = tenancyFields("580314-1232", "2026-01-10");
        correction.remove("participant");
        assertProblem(api.post(t + "/corrections", TestTokens.malmoReporter(), Api.json(correction)), 422, "end");
        correction.put(
                "end",
                Map.of(
                        "endDate", "2026-07-31",
                        "endReason", "MOVED_TO_OTHER_PERMANENT_HOUSING",
                        "destinationCategory", "PERMANENT",
                        "initiatedBy", "TENANT"));
        Api.Response corrected = api.post(
                t + "/corrections", TestTokens.malmoReporter(), Api.json(correction), "Idempotency-Key", "fix-1");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(java.time.Instant.parse(corrected.json().get("recordedAt").asString()))
                .isNotNull();
        assertThat(api.post(
                                t + "/corrections",
                                TestTokens.malmoReporter(),
                                Api.json(correction),
                                "Idempotency-Key",
                                "fix-1")
                        .json())
                .as("a retry is replayed")
                .isEqualTo(corrected.json());
        assertProblem(
                api.post(t + "/corrections", TestTokens.malmoReporter(), Api.json(correction)), 422, "moveInDate");

        JsonNode view = api.get(t, TestTokens.malmoAnalyst()).json();
        assertThat(view.get("moveInDate").asString()).isEqualTo("2026-01-10");
        assertThat(view.get("ending").get("endDate").asString()).isEqualTo("2026-07-31");
        assertThat(view.get("ending").get("endReason").asString()).isEqualTo("MOVED_TO_OTHER_PERMANENT_HOUSING");
        JsonNode published = eventsOfTenancy(tenancyId, "TenancyCorrected", 1).getFirst();
        assertThat(published.get("data").get("occurredOn").asString()).isEqualTo("2026-01-10");
        assertThat(published.get("data").get("endDate").asString()).isEqualTo("2026-07-31");
        assertThat(published.get("id").asString())
                .isEqualTo(corrected.json().get("eventId").asString());

        assertProblem(
                api.post(
                        "/api/v1/tenancies/" + java.util.UUID.randomUUID() + "/corrections",
                        TestTokens.malmoReporter(),
                        Api.json(correction)),
                404,
                "tenancyId");
        assertThat(api.post(t + "/corrections", TestTokens.lundReporter(), Api.json(correction))
                        .status())
                .as("another municipality's tenancy")
                .isEqualTo(404);
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheFirstResultAndStoresNothingTwice() {
        long before = storedEvents();
        String body = tenancy("121212-1212", "2026-10-01");
        Api.Response first =
                api.post("/api/v1/tenancies", TestTokens.malmoReporter(), body, "Idempotency-Key", "retry-1");
        Api.Response retry =
                api.post("/api/v1/tenancies", TestTokens.malmoReporter(), body, "Idempotency-Key", "retry-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(storedEvents()).isEqualTo(before + 1);

        Api.Response otherBody = api.post(
                "/api/v1/tenancies",
                TestTokens.malmoReporter(),
                tenancy("121212-1212", "2026-10-02"),
                "Idempotency-Key",
                "retry-1");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("errors").get(0).get("field").asString())
                .isEqualTo("Idempotency-Key");
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    /* A probe found an identity number used as a key stored in clear for the retention period. */
    @Test
    void idempotencyKeysAreKeptOnlyAsKeyedHashes() {
        String key = "19811218-9876";
        String body = tenancy("640823-3184", "2026-10-03");
        Api.Response first = api.post("/api/v1/tenancies", TestTokens.malmoReporter(), body, "Idempotency-Key", key);
        Api.Response retry = api.post("/api/v1/tenancies", TestTokens.malmoReporter(), body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");

        assertThat(jdbc.sql("SELECT request_key FROM idempotent_request")
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allMatch(stored -> stored.matches("[a-z2-7]{52}"))
                .noneMatch(stored -> stored.contains("198112") || stored.contains("retry"));
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE description = ? AND success")
                        .param("edge idempotency keys hashed")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyStoreOneTenancy() throws Exception {
        long before = storedEvents();
        String body = tenancy("920228-9873", "2026-10-20");
        List<java.util.concurrent.Callable<Api.Response>> retries = java.util.Collections.nCopies(
                6, () -> api.post("/api/v1/tenancies", TestTokens.malmoReporter(), body, "Idempotency-Key", "burst-1"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<Api.Response> responses = pool.invokeAll(retries).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertThat(responses).extracting(Api.Response::status).containsOnly(201);
            assertThat(responses)
                    .extracting(Api.Response::body)
                    .containsOnly(responses.getFirst().body());
        } finally {
            pool.shutdown();
        }
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void anotherMunicipalitysTenancyIsInvisibleAndUnwritable() {
        String tenancyId = startTenancy("850101-1236", "2026-05-05");
        long before = storedEvents();

        assertThat(api.get("/api/v1/tenancies/" + tenancyId, TestTokens.lundReporter())
                        .status())
                .isEqualTo(404);
        Api.Response write =
                api.post("/api/v1/tenancies/" + tenancyId + "/end", TestTokens.lundReporter(), ending("2026-06-01"));
        assertThat(write.status()).isEqualTo(404);
        assertThat(write.header("Content-Type")).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    /*
     * Every read of participant-level data lands in the access log with who, where, whom, what and the stated purpose;
     * the municipality's dpo reads it (and that read is logged too), nobody else does, and no entry can be changed.
     */
    @Test
    void participantReadsAreInTheAccessLogWhichOnlyTheDpoReadsAndNobodyChanges() {
        String tenancyId = startTenancy("19730423-4557", "2026-05-05");
        String pseudonym = participantIdOf(expectedPseudonym("19730423-4557"));
        String purpose = "uppföljning av boendestöd";
        Api.Response read = api.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/tenancies/" + tenancyId))
                        .GET(),
                TestTokens.malmoAnalyst(),
                "Access-Purpose",
                java.net.URLEncoder.encode(purpose, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/participants/" + pseudonym + "/tenancies", TestTokens.malmoReporter())
                        .status())
                .isEqualTo(200);
        Api.Response lookup = api.post(
                "/api/v1/participant-lookups",
                TestTokens.malmoAnalyst(),
                Api.json(Map.of("participant", Map.of("scheme", "SE_PERSONNUMMER", "value", "19730423-4557"))));
        assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
        // another municipality reads nothing, so nothing is logged for it
        assertThat(api.get("/api/v1/tenancies/" + tenancyId, TestTokens.lundReporter())
                        .status())
                .isEqualTo(404);

        String dpo = TestTokens.token("dpo", "SE", "1280", "malmo-kommun");
        Api.Response log = api.get("/api/v1/access-log?participantId=" + pseudonym, dpo);
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        List<JsonNode> entries = new java.util.ArrayList<>();
        log.json().forEach(entries::add);
        assertThat(entries)
                .extracting(e -> e.get("resource").asString())
                .containsExactly(
                        "GET /api/v1/access-log",
                        "POST /api/v1/participant-lookups",
                        "GET /api/v1/participants/{participantId}/tenancies",
                        "GET /api/v1/tenancies/{tenancyId}");
        JsonNode first = entries.getLast();
        assertThat(first.get("subject").asString()).isEqualTo("test-user");
        assertThat(first.get("organisation").asString()).isEqualTo("malmo-bostad-forst");
        assertThat(first.get("roles").get(0).asString()).isEqualTo("analyst");
        assertThat(first.get("participantId").asString()).isEqualTo(pseudonym);
        assertThat(first.get("action").asString()).isEqualTo("READ");
        assertThat(first.get("purpose").asString()).isEqualTo(purpose);
        assertNoIdentityNumberIn(log.body());

        // the log is the municipality's: Lund's dpo sees none of Malmö's entries; other roles may not read it at all
        Api.Response lund = api.get(
                "/api/v1/access-log?participantId=" + pseudonym, TestTokens.token("dpo", "SE", "1281", "lund-kommun"));
        assertThat(lund.status()).isEqualTo(200);
        assertThat(lund.json().size()).as("only Lund's own read of its log").isOne();
        assertThat(lund.json().get(0).get("resource").asString()).isEqualTo("GET /api/v1/access-log");
        for (String token : List.of(TestTokens.malmoReporter(), TestTokens.malmoAnalyst(), TestTokens.national())) {
            assertThat(api.get("/api/v1/access-log", token).status()).isEqualTo(403);
        }
        assertProblem(
                api.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/tenancies/" + tenancyId))
                                .GET(),
                        TestTokens.malmoAnalyst(),
                        "Access-Purpose",
                        "<script>"),
                422,
                "Access-Purpose");
        assertProblem(api.get("/api/v1/access-log?from=0001-01-01", dpo), 422, "from");

        // append-only, whoever asks
        for (String change :
                List.of("UPDATE access_log SET purpose = 'none'", "DELETE FROM access_log", "TRUNCATE access_log")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> jdbc.sql(change).update())
                    .as(change)
                    .hasMessageContaining("append-only");
        }
    }

    /* A write records its user (the token's sub) in the stored event's metadata, and only there: not on the topic. */
    @Test
    void everyStoredEventNamesTheUserWhoRecordedItButTheTopicDoesNot() {
        String tenancyId = startTenancy("19540308-7785", "2026-05-06");
        String metadata = jdbc.sql("SELECT convert_from(metadata, 'UTF8') FROM domainevententry"
                        + " WHERE convert_from(payload, 'UTF8') LIKE :tenancy ORDER BY globalindex DESC LIMIT 1")
                .param("tenancy", "%" + tenancyId + "%")
                .query(String.class)
                .single();
        assertThat(Api.JSON.readTree(metadata).get("recordedBy").asString()).isEqualTo("test-user");
        assertThat(eventsOfTenancy(tenancyId, "TenancyStarted", 1).getFirst().toString())
                .doesNotContain("test-user");
    }

    /* "NO" is a boolean in YAML 1.1: the code-list key must stay quoted, or every Norwegian caller is refused. */
    @Test
    void norwegianCallersAreServed() {
        String oslo = TestTokens.token("analyst", "NO", "0301", "oslo-housing-first");
        String pseudonym = "a".repeat(52);
        Api.Response response = api.get("/api/v1/participants/" + pseudonym + "/tenancies", oslo);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void refusesCallersWithoutTokenOrRole() {
        String tenancyId = startTenancy("15038512363", "2026-05-05", "NO_FODSELSNUMMER");
        long before = storedEvents();

        Api.Response anonymous = api.get("/api/v1/tenancies/" + tenancyId, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/tenancies", null, tenancy(PERSONNUMMER, "2026-05-05"))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/tenancies/" + tenancyId, "not.a.token").status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/tenancies", TestTokens.malmoAnalyst(), tenancy(PERSONNUMMER, "2026-05-05"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/tenancies/" + tenancyId, TestTokens.national())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/tenancies/" + tenancyId, TestTokens.malmoAnalyst())
                        .status())
                .isEqualTo(200);
        String lookup = Api.json(Map.of("participant", Map.of("scheme", "NO_FODSELSNUMMER", "value", "15038512363")));
        assertThat(api.post("/api/v1/participant-lookups", TestTokens.malmoAnalyst(), lookup)
                        .json()
                        .get("tenancies")
                        .get(0)
                        .get("tenancyId")
                        .asString())
                .isEqualTo(tenancyId);
        assertThat(api.post("/api/v1/participant-lookups", TestTokens.national(), lookup)
                        .status())
                .isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndStoresNothing() {
        String tenancyId = startTenancy("900315-4565", "2026-04-01");
        long before = storedEvents();
        String token = TestTokens.malmoReporter();

        assertProblem(
                api.post("/api/v1/tenancies", token, tenancy("811218-9877", "2026-05-05")), 400, "participant.value");
        Map<String, Object> unknownEnum = tenancyFields(PERSONNUMMER, "2026-05-05");
        unknownEnum.put("contractType", "PALACE");
        assertProblem(api.post("/api/v1/tenancies", token, Api.json(unknownEnum)), 400, "contractType");
        Map<String, Object> missing = tenancyFields(PERSONNUMMER, "2026-05-05");
        missing.remove("moveInDate");
        assertProblem(api.post("/api/v1/tenancies", token, Api.json(missing)), 400, "moveInDate");
        Map<String, Object> bodyMunicipality = tenancyFields(PERSONNUMMER, "2026-05-05");
        bodyMunicipality.put("municipality", "0180");
        assertProblem(api.post("/api/v1/tenancies", token, Api.json(bodyMunicipality)), 400, "municipality");
        assertProblem(api.post("/api/v1/tenancies", token, tenancy(PERSONNUMMER, "2026-13-05")), 400, "moveInDate");
        assertProblem(api.post("/api/v1/tenancies", token, tenancy(PERSONNUMMER, "2027-01-01")), 422, "moveInDate");

        Api.Response malformed = api.post("/api/v1/tenancies", token, "{\"participant\": {\"scheme\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");

        Api.Response huge = api.post("/api/v1/tenancies", token, "{\"x\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.header("Content-Type")).startsWith("application/problem+json");

        assertProblem(api.post("/api/v1/tenancies/" + tenancyId + "/end", token, ending("2026-03-31")), 422, "endDate");
        assertProblem(
                api.post(
                        "/api/v1/tenancies/" + tenancyId + "/absences",
                        token,
                        Api.json(Map.of("startedOn", "2026-03-15", "absenceType", "HOSPITAL"))),
                422,
                "startedOn");
        assertProblem(
                api.post(
                        "/api/v1/tenancies/" + tenancyId + "/absences",
                        token,
                        Api.json(Map.of("startedOn", "2026-04-15", "absenceType", "SPACESHIP"))),
                400,
                "absenceType");
        assertProblem(api.get("/api/v1/tenancies/not-a-uuid", token), 400, "tenancyId");
        assertProblem(api.get("/api/v1/participants/198112189876/tenancies", token), 400, "participantId");

        assertThat(storedEvents()).isEqualTo(before);
    }

    /* Year -1 and year 1 were accepted and published once, and stopped every consumer downstream. */
    @Test
    void everyDatedEndpointRefusesImplausibleBusinessDatesAndStoresNothing() {
        String token = TestTokens.malmoReporter();
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("participant", Map.of("scheme", "SE_PERSONNUMMER", "value", "700412-1237"));
        offer.put("offeredOn", "2026-09-01");
        offer.put("housingType", "SCATTERED_SITE");
        offer.put("landlordType", "PRIVATE");
        String offerId = api.post("/api/v1/housing-offers", token, Api.json(offer))
                .json()
                .get("offerId")
                .asString();
        String tenancyId = startTenancy("630715-4564", "2026-09-01");
        String t = "/api/v1/tenancies/" + tenancyId;
        Api.Response absence = api.post(
                t + "/absences", token, Api.json(Map.of("startedOn", "2026-10-01", "absenceType", "HOSPITAL")));
        assertThat(absence.status()).as(absence.body()).isEqualTo(201);
        String absenceEnd = t + "/absences/" + absence.json().get("absenceId").asString() + "/end";
        long before = storedEvents();

        for (String date : List.of("-0001-01-01", "0001-01-01", "1899-12-31", "9999-12-31")) {
            // year -1 is not a date as YYYY-MM-DD (400); the others are dates outside the plausible range (422)
            int status = date.startsWith("-") ? 400 : 422;
            Map<String, Object> newOffer = new LinkedHashMap<>(offer);
            newOffer.put("offeredOn", date);
            assertProblem(api.post("/api/v1/housing-offers", token, Api.json(newOffer)), status, "offeredOn");
            assertProblem(
                    api.post(
                            "/api/v1/housing-offers/" + offerId + "/decline",
                            token,
                            Api.json(Map.of("declinedOn", date, "reason", "LOCATION"))),
                    status,
                    "declinedOn");
            assertProblem(api.post("/api/v1/tenancies", token, tenancy("580228-7895", date)), status, "moveInDate");
            assertProblem(
                    api.post(
                            t + "/contract-conversions",
                            token,
                            Api.json(Map.of(
                                    "convertedOn",
                                    date,
                                    "toContractType",
                                    "SECOND_HAND_SOCIAL",
                                    "securityOfTenure",
                                    "LIMITED",
                                    "leaseHolder",
                                    "MUNICIPALITY"))),
                    status,
                    "convertedOn");
            assertProblem(
                    api.post(t + "/risks", token, Api.json(Map.of("registeredOn", date, "riskType", "RENT_ARREARS"))),
                    status,
                    "registeredOn");
            assertProblem(
                    api.post(t + "/absences", token, Api.json(Map.of("startedOn", date, "absenceType", "PRISON"))),
                    status,
                    "startedOn");
            assertProblem(api.post(absenceEnd, token, Api.json(Map.of("endedOn", date))), status, "endedOn");
            assertProblem(api.post(t + "/end", token, ending(date)), status, "endDate");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void overlappingAbsencesAreRefusedAndAnAbsenceEndsInsideTheTenancy() {
        String tenancyId = startTenancy(
                "811218-9876",
                "2026-02-01",
                "SE_PERSONNUMMER",
                TestTokens.token("reporter", "SE", "0180", "stockholm-bostad-forst"));
        String token = TestTokens.token("reporter", "SE", "0180", "stockholm-bostad-forst");
        Api.Response absence = api.post(
                "/api/v1/tenancies/" + tenancyId + "/absences",
                token,
                Api.json(Map.of("startedOn", "2026-03-01", "absenceType", "PSYCHIATRIC_INPATIENT")));
        assertThat(absence.status()).isEqualTo(201);
        String absenceId = absence.json().get("absenceId").asString();

        assertProblem(
                api.post(
                        "/api/v1/tenancies/" + tenancyId + "/absences",
                        token,
                        Api.json(Map.of("startedOn", "2026-03-05", "absenceType", "PRISON"))),
                409,
                "startedOn");
        assertProblem(
                api.post(
                        "/api/v1/tenancies/" + tenancyId + "/absences/" + absenceId + "/end",
                        token,
                        Api.json(Map.of("endedOn", "2026-02-27"))),
                422,
                "endedOn");
        assertThat(api.post(
                                "/api/v1/tenancies/" + tenancyId + "/absences/" + absenceId + "/end",
                                token,
                                Api.json(Map.of("endedOn", "2026-03-20")))
                        .status())
                .isEqualTo(200);
        assertProblem(
                api.post(
                        "/api/v1/tenancies/" + tenancyId + "/absences",
                        token,
                        Api.json(Map.of("startedOn", "2026-03-19", "absenceType", "PRISON"))),
                422,
                "startedOn");
    }

    @Test
    void offersAreDeclinedOrTakenOnceAndOnlyInTheirMunicipality() {
        String token = TestTokens.malmoReporter();
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("participant", Map.of("scheme", "SE_PERSONNUMMER", "value", "950909-3218"));
        offer.put("offeredOn", "2026-10-01");
        offer.put("housingType", "SCATTERED_SITE");
        offer.put("landlordType", "PRIVATE");
        Api.Response first = api.post("/api/v1/housing-offers", token, Api.json(offer));
        assertThat(first.status()).isEqualTo(201);
        String declined = first.json().get("offerId").asString();
        String decline = Api.json(Map.of("declinedOn", "2026-10-03", "reason", "LOCATION"));

        assertProblem(
                api.post("/api/v1/housing-offers/" + declined + "/decline", TestTokens.lundReporter(), decline),
                404,
                "offerId");
        assertThat(api.post("/api/v1/housing-offers/" + declined + "/decline", token, decline)
                        .status())
                .isEqualTo(200);
        assertProblem(api.post("/api/v1/housing-offers/" + declined + "/decline", token, decline), 409, "offerId");

        offer.put("offeredOn", "2026-10-10");
        String taken = api.post("/api/v1/housing-offers", token, Api.json(offer))
                .json()
                .get("offerId")
                .asString();
        Map<String, Object> moveIn = tenancyFields("950909-3218", "2026-10-05");
        moveIn.put("offerId", taken);
        assertProblem(api.post("/api/v1/tenancies", token, Api.json(moveIn)), 422, "moveInDate");
        moveIn.put("moveInDate", "2026-10-15");
        Api.Response tenancy = api.post("/api/v1/tenancies", token, Api.json(moveIn));
        assertThat(tenancy.status()).isEqualTo(201);
        assertThat(api.get(
                                "/api/v1/tenancies/"
                                        + tenancy.json().get("tenancyId").asString(),
                                token)
                        .json()
                        .get("offerId")
                        .asString())
                .isEqualTo(taken);
        assertProblem(
                api.post(
                        "/api/v1/housing-offers/" + taken + "/decline",
                        token,
                        Api.json(Map.of("declinedOn", "2026-10-16", "reason", "TIMING"))),
                409,
                "offerId");
    }

    @Test
    void logsNeverContainTheIdentityNumbersOfRequests(CapturedOutput output) {
        String token = TestTokens.malmoReporter();
        api.post("/api/v1/tenancies", token, tenancy("880512-6541", "2026-05-05"));
        api.post(
                "/api/v1/tenancies",
                token,
                "{\"participant\": {\"scheme\": \"SE_PERSONNUMMER\", \"value\": 198805126540}}");
        api.post(
                "/api/v1/tenancies",
                token,
                "{\"participant\": {\"scheme\": \"SE_PERSONNUMMER\", \"value\": \"880512-6540\"");
        Map<String, Object> unknownScheme = tenancyFields("880512-6540", "2026-05-05");
        unknownScheme.put("participant", Map.of("scheme", "880512-6540", "value", "880512-6540"));
        assertProblem(api.post("/api/v1/tenancies", token, Api.json(unknownScheme)), 400, "participant.scheme");
        api.post(
                "/api/v1/participant-lookups",
                token,
                Api.json(Map.of("participant", Map.of("scheme", "SE_PERSONNUMMER", "value", "880512-6540"))));

        assertProblem(api.get("/api/v1/participants/198805126540/tenancies", token), 400, "participantId");

        assertThat(output.getAll()).doesNotContain("880512", "8805126540", "198805126540");
    }

    @Test
    void servesOpenApiHealthAndPublicationMetrics() {
        startTenancy("ref-metrics-1", "2026-11-01", "LOCAL_REFERENCE");
        JsonNode openApi = api.get("/v3/api-docs", null).json();
        assertThat(openApi.get("paths").has("/api/v1/tenancies")).isTrue();
        assertThat(openApi.get("paths")
                        .get("/api/v1/tenancies")
                        .get("post")
                        .get("parameters")
                        .toString())
                .contains("Idempotency-Key");

        JsonNode readiness = management.get("/actuator/health/readiness", null).json();
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("db").get("status").asString())
                .isEqualTo("UP");
        assertThat(readiness.get("components").get("kafka").get("status").asString())
                .isEqualTo("UP");
        // the probe on the API port is public: no cluster id, which also names the checkout's databases
        JsonNode probe = api.get("/readyz", null).json();
        assertThat(probe.get("status").asString()).isEqualTo("UP");
        assertThat(probe.toString()).doesNotContain("clusterId");
        assertThat(api.get("/livez", null).status()).isEqualTo(200);
        // metrics and the rest of the actuator are not served on the API port
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/metrics")) {
            Api.Response refused = api.get(path, null);
            assertThat(refused.status()).as(path).isIn(401, 404);
            assertThat(refused.body()).as(path).doesNotContain("outbox_", "\"components\"");
        }

        topic.readUntil(rs -> !rs.isEmpty(), Duration.ofSeconds(30));
        String metrics = management.get("/actuator/prometheus", null).body();
        assertThat(metrics)
                .containsPattern(
                        "outbox_events_published_total\\{[^}]*type=\"org.housingfirst.tenancy.TenancyStarted.v1\"[^}]*} [1-9]")
                .contains("outbox_publisher_lag_events");
    }

    /* outcomes-service rebuilds from offset 0: the topic, pre-created with broker defaults here, keeps every event. */
    @Test
    void theTopicKeepsEveryEventForEver() {
        assertThat(TestBackends.topicConfig(TenancyEvents.TOPIC))
                .containsEntry("retention.ms", "-1")
                .containsEntry("retention.bytes", "-1");
    }

    private void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("errors")).as(response.body()).isTrue();
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertNoIdentityNumberIn(response.body());
    }

    private String startTenancy(String personnummer, String moveIn) {
        return startTenancy(personnummer, moveIn, "SE_PERSONNUMMER");
    }

    private String startTenancy(String number, String moveIn, String scheme) {
        return startTenancy(number, moveIn, scheme, TestTokens.malmoReporter());
    }

    private String startTenancy(String number, String moveIn, String scheme, String token) {
        Map<String, Object> fields = tenancyFields(number, moveIn);
        fields.put("participant", Map.of("scheme", scheme, "value", number));
        Api.Response response = api.post("/api/v1/tenancies", token, Api.json(fields));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("tenancyId").asString();
    }

    private static String tenancy(String personnummer, String moveIn) {
        return Api.json(tenancyFields(personnummer, moveIn));
    }

    private static Map<String, Object> tenancyFields(String personnummer, String moveIn) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("participant", Map.of("scheme", "SE_PERSONNUMMER", "value", personnummer));
        fields.put("moveInDate", moveIn);
        fields.put("contractType", "FIRST_HAND_LEASE");
        fields.put("securityOfTenure", "FULL");
        fields.put("leaseHolder", "PARTICIPANT");
        fields.put("housingType", "SCATTERED_SITE");
        fields.put("landlordType", "PUBLIC_HOUSING");
        fields.put("rehousing", false);
        return fields;
    }

    private static String ending(String endDate) {
        return Api.json(Map.of(
                "endDate", endDate,
                "endReason", "EVICTION_RENT_ARREARS",
                "destinationCategory", "TEMPORARY",
                "initiatedBy", "LANDLORD"));
    }

    private static String expectedPseudonym(String personnummer) {
        return new Pseudonymiser(Base64.getDecoder().decode(IntegrationTestConfiguration.PSEUDONYM_KEY))
                .pseudonymOf(
                        ParticipantIdentities.normalise(IdentityScheme.SE_PERSONNUMMER, personnummer, "any", TODAY));
    }

    private ConsumerRecord<String, byte[]> recordWithId(String eventId) {
        return topic
                .readUntil(rs -> rs.stream().anyMatch(r -> idOf(r).equals(eventId)), Duration.ofSeconds(30))
                .stream()
                .filter(r -> idOf(r).equals(eventId))
                .findFirst()
                .orElseThrow();
    }

    private List<JsonNode> eventsOfTenancy(String tenancyId, String type, int count) {
        return topic
                .readUntil(
                        rs -> rs.stream()
                                        .map(r -> Api.JSON.readTree(r.value()))
                                        .filter(e -> matches(e, tenancyId, type))
                                        .count()
                                >= count,
                        Duration.ofSeconds(30))
                .stream()
                .map(r -> Api.JSON.readTree(r.value()))
                .filter(e -> matches(e, tenancyId, type))
                .toList();
    }

    private static boolean matches(JsonNode cloudEvent, String tenancyId, String type) {
        return cloudEvent.get("type").asString().contains("." + type + ".")
                && tenancyId.equals(cloudEvent.get("data").path("tenancyId").asString());
    }

    private static String idOf(ConsumerRecord<String, byte[]> record) {
        return Api.JSON.readTree(record.value()).get("id").asString();
    }

    private String storedEventText() {
        return String.join(
                "\n",
                jdbc.sql("SELECT convert_from(payload, 'UTF8') || ' ' || coalesce(convert_from(metadata, 'UTF8'), '')"
                                + " || ' ' || aggregateidentifier FROM domainevententry")
                        .query(String.class)
                        .list());
    }

    private String topicText() {
        StringBuilder text = new StringBuilder();
        for (ConsumerRecord<String, byte[]> record : topic.drain(Duration.ofSeconds(1))) {
            text.append(record.key()).append(' ').append(new String(record.value(), StandardCharsets.UTF_8));
            record.headers().forEach(h -> text.append(' ').append(new String(h.value(), StandardCharsets.UTF_8)));
            text.append('\n');
        }
        return text.toString();
    }

    private static void assertNoIdentityNumberIn(String text) {
        assertThat(text).isNotBlank();
        assertThat(IDENTITY_NUMBER.matcher(text).results().map(m -> m.group()).toList())
                .isEmpty();
        for (String form :
                List.of("8112189876", "811218-9876", "6408233234", "7010632391", "1212121212", "15038512363")) {
            assertThat(text).doesNotContain(form);
        }
    }
}
