package org.housingfirst.edge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.RawHttp;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * http-edge as a service meets it: strict reading, problem details from every layer, idempotency, the size limit and
 * the token's claims, against a real PostgreSQL and a real Tomcat. No response may echo the identity number the
 * requests carry ({@code 19811218-9876}), and no rejected request may store anything.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeHttpTest {

    private static final String IDENTITY = "198112189876";
    private static final String GOOD =
            "{\"programmeId\":\"hf-malmo\",\"happenedOn\":\"2026-10-01\",\"kind\":\"VISIT\"," + "\"amount\":3}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    RawHttp raw;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        register(registry);
    }

    /** The database and settings of the edge's test application. */
    static void register(DynamicPropertyRegistry registry) {
        String url = TestBackends.freshDatabase("edge");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestBackends::user);
        registry.add("spring.datasource.password", TestBackends::password);
        registry.add("spring.flyway.locations", () -> "classpath:db/edge,classpath:db/edge-test");
        registry.add(
                "platform.identity.pseudonym-key", () -> "dGVzdC1wc2V1ZG9ueW0ta2V5LWZvci1pbnRlZ3JhdGlvbi10ZXN0cw==");
        registry.add("platform.security.hmac-secret", () -> TestTokens.SECRET);
        registry.add("platform.bulk.max-body-size", () -> "2MB");
        registry.add("platform.security.code-list-versions.SE", () -> "SCB-2025");
        registry.add("platform.security.code-list-versions.NO", () -> "SSB-KLASS-131-2024");
    }

    @BeforeEach
    void clients() {
        api = new Api(port);
        raw = new RawHttp(port);
    }

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM thing").query(Long.class).single();
    }

    private static String reporter() {
        return TestTokens.malmoReporter();
    }

    private static void assertProblem(int status, String contentType, String body, int expected) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(contentType).as(body).startsWith("application/problem+json");
        assertThat(body).doesNotContain(IDENTITY, "19811218", "811218");
    }

    private static void assertProblem(Api.Response response, int expected, String field) {
        assertProblem(response.status(), response.header("Content-Type"), response.body(), expected);
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .isEqualTo(field);
        }
    }

    // ---- bulk ------------------------------------------------------------------------------------------------------

    private static String thing(int amount) {
        return GOOD.replace("\"amount\":3", "\"amount\":" + amount);
    }

    @Test
    void aBulkRequestStoresItsGoodLinesAndAnswersEachLineWhatItsSingleRequestWould() {
        long before = stored();
        Api.Response response = api.bulk(
                reporter(),
                "",
                List.of(
                        Api.line("bulk-a-1", "/api/v1/things", thing(1)),
                        Api.line("bulk-a-2", "/api/v1/things", thing(999)), // refused by the business rule
                        Api.line("bulk-a-3", "/api/v1/things", "{\"programmeId\":\"" + IDENTITY + "\"}"),
                        "{\"idempotencyKey\":\"bulk-a-4\",\"path\":\"/api/v1/things\"," + "\"surprise\":1}",
                        "not json " + IDENTITY,
                        Api.line("bulk-a-6", "/api/v1/nowhere", thing(2)),
                        Api.line("bulk-a-7", "/api/v1/things", thing(7))));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(response.body()).doesNotContain(IDENTITY, "19811218", "811218", "surprise");
        List<JsonNode> results = Api.results(response);
        assertThat(results).extracting(r -> r.get("line").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(results)
                .extracting(r -> r.get("result").asString())
                .containsExactly("accepted", "problem", "problem", "problem", "problem", "problem", "accepted");
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 422, 400, 422, 422, 404, 201);
        assertThat(results.get(0).get("location").asString()).startsWith("/api/v1/things/");
        assertThat(results.get(0).get("body").get("thingId").asString()).isNotBlank();
        assertThat(fields(results.get(1))).containsExactly("amount");
        Api.Response single = api.post("/api/v1/things", reporter(), "{\"programmeId\":\"" + IDENTITY + "\"}");
        assertThat(single.status()).isEqualTo(400);
        assertThat(fields(results.get(2))).isEqualTo(fields(single.json()));
        assertThat(fields(results.get(3))).containsExactly("line", "body");
        assertThat(fields(results.get(4))).containsExactly("line");
        assertThat(stored()).isEqualTo(before + 2);
    }

    /** The fields a bulk result's problem, or a problem, names. */
    private static List<String> fields(JsonNode result) {
        List<String> fields = new ArrayList<>();
        JsonNode problem = result.has("body") ? result.get("body") : result;
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void aBulkLineIsReplayedUnderItsKeyOnEitherPathAndAnotherBodyUnderItIsRefused() {
        long before = stored();
        Api.Response single = api.post("/api/v1/things", reporter(), thing(11), "Idempotency-Key", "bulk-r-1");
        List<String> lines = List.of(
                Api.line("bulk-r-1", "/api/v1/things", thing(11)),
                Api.line("bulk-r-2", "/api/v1/things", thing(12)),
                Api.line("bulk-r-2", "/api/v1/things", thing(12)),
                Api.line("bulk-r-1", "/api/v1/things", thing(13)));
        List<JsonNode> first = Api.results(api.bulk(reporter(), "", lines));
        assertThat(first)
                .extracting(r -> r.get("result").asString())
                .containsExactly("replayed", "accepted", "replayed", "problem");
        assertThat(first.get(0).get("body").toString()).isEqualTo(single.json().toString());
        assertThat(fields(first.get(3))).containsExactly("idempotencyKey");
        assertThat(first.get(3).get("location").asString())
                .as("the first answer's location, to correct what it recorded")
                .isEqualTo(first.get(0).get("location").asString())
                .isNotBlank();
        List<JsonNode> again = Api.results(api.bulk(reporter(), "", lines));
        assertThat(again)
                .extracting(r -> r.get("result").asString())
                .containsExactly("replayed", "replayed", "replayed", "problem");
        assertThat(again.get(1).get("body")).isEqualTo(first.get(1).get("body"));
        assertThat(stored()).isEqualTo(before + 2);
    }

    @Test
    void anAtomicBulkRequestStoresNothingIfOneLineIsRefusedAndADryRunNeverStores() {
        long before = stored();
        List<String> lines = List.of(
                Api.line("bulk-t-1", "/api/v1/things", thing(21)),
                Api.line("bulk-t-2", "/api/v1/things", thing(999)),
                Api.line("bulk-t-3", "/api/v1/things", thing(23)));
        assertThat(Api.results(api.bulk(reporter(), "atomic=true", lines)))
                .extracting(r -> r.get("result").asString())
                .containsExactly("rolled-back", "problem", "rolled-back");
        assertThat(stored()).isEqualTo(before);
        List<String> good = List.of(lines.get(0), lines.get(2));
        assertThat(Api.results(api.bulk(reporter(), "dryRun=true", good)))
                .extracting(r -> r.get("result").asString())
                .containsExactly("rolled-back", "rolled-back");
        assertThat(stored()).isEqualTo(before);
        // the keys of rolled-back lines are free: the corrected request is stored
        assertThat(Api.results(api.bulk(reporter(), "atomic=true", good)))
                .extracting(r -> r.get("result").asString())
                .containsExactly("accepted", "accepted");
        assertThat(stored()).isEqualTo(before + 2);
    }

    @Test
    void aBulkLineOverTheSingleRequestsSizeLimitIsA413AndTheOthersAreStored() {
        long before = stored();
        List<JsonNode> results = Api.results(api.bulk(
                reporter(),
                "",
                List.of(
                        Api.line(
                                "bulk-s-1",
                                "/api/v1/things",
                                thing(41).replace("}", ",\"padding\":\"" + "x".repeat(300_000) + "\"}")),
                        Api.line("bulk-s-2", "/api/v1/things", thing(42)))));
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(413, 201);
        assertThat(fields(results.get(0))).containsExactly("body");
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void aBulkRequestIsRefusedWholeWhenItsTokenOrShapeIsWrong() {
        List<String> one = List.of(Api.line("bulk-w-1", "/api/v1/things", thing(31)));
        long before = stored();
        assertProblem(api.bulk(null, "", one), 401, null);
        assertProblem(api.bulk(TestTokens.token("analyst", "SE", "1280", "malmo-bostad-forst"), "", one), 403, null);
        assertProblem(api.bulk(reporter(), "", List.of()), 422, "body");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            tooMany.add(Api.line("bulk-w-" + i, "/api/v1/things", thing(31)));
        }
        assertProblem(api.bulk(reporter(), "", tooMany), 422, "body");
        List<String> tooLarge = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // 20 lines of 150 KB: each under the single limit, together over the bulk one
            tooLarge.add(Api.line(
                    "bulk-w-large-" + i,
                    "/api/v1/things",
                    thing(31).replace("}", ",\"padding\":\"" + "x".repeat(150_000) + "\"}")));
        }
        assertProblem(api.bulk(reporter(), "", tooLarge), 413, null);
        assertThat(stored()).isEqualTo(before);
    }

    // ---- idempotency -------------------------------------------------------------------------------------------

    @Test
    void aRetryReplaysTheFirstResponseAndAnotherBodyUnderTheSameKeyIsRefused() {
        long before = stored();
        Api.Response first = api.post("/api/v1/things", reporter(), GOOD, "Idempotency-Key", "edge-retry-1");
        Api.Response retry = api.post("/api/v1/things", reporter(), GOOD, "Idempotency-Key", "edge-retry-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");

        Api.Response other = api.post(
                "/api/v1/things",
                reporter(),
                GOOD.replace("\"amount\":3", "\"amount\":4"),
                "Idempotency-Key",
                "edge-retry-1");
        assertProblem(other, 422, "Idempotency-Key");
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyFromAnotherMunicipalityIsAnotherRequest() {
        long before = stored();
        assertThat(api.post("/api/v1/things", reporter(), GOOD, "Idempotency-Key", "edge-scope-1")
                        .status())
                .isEqualTo(201);
        Api.Response lund =
                api.post("/api/v1/things", TestTokens.lundReporter(), GOOD, "Idempotency-Key", "edge-scope-1");
        assertThat(lund.status()).isEqualTo(201);
        assertThat(lund.header("Idempotency-Replayed")).isNull();
        assertThat(stored()).isEqualTo(before + 2);
    }

    @Test
    void concurrentRetriesStoreOnceAndAllGetTheSameAnswer() throws Exception {
        long before = stored();
        String slow = GOOD.replace("\"amount\":3", "\"amount\":500");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Callable<Api.Response> call =
                    () -> new Api(port).post("/api/v1/things", reporter(), slow, "Idempotency-Key", "edge-burst-1");
            answers.add(pool.submit(call));
        }
        List<String> bodies = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get();
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            bodies.add(response.body());
        }
        pool.shutdown();
        assertThat(bodies).containsOnly(bodies.get(0));
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void aRefusedRequestLeavesItsKeyFreeForACorrectedRetry() {
        long before = stored();
        String refused = GOOD.replace("\"amount\":3", "\"amount\":999");
        assertProblem(api.post("/api/v1/things", reporter(), refused, "Idempotency-Key", "edge-fix-1"), 422, "amount");
        assertThat(api.post("/api/v1/things", reporter(), GOOD, "Idempotency-Key", "edge-fix-1")
                        .status())
                .isEqualTo(201);
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void keysAreStoredOnlyAsKeyedHashes() {
        assertThat(api.post("/api/v1/things", reporter(), GOOD, "Idempotency-Key", "19811218-9876")
                        .status())
                .isEqualTo(201);
        assertThat(jdbc.sql("SELECT request_key FROM idempotent_request")
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allMatch(key -> key.matches("[a-z2-7]{52}"));
        assertProblem(api.post("/api/v1/things", reporter(), GOOD, "Idempotency-Key", "a b"), 400, "Idempotency-Key");
    }

    // ---- size limit --------------------------------------------------------------------------------------------

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrChunked() {
        long before = stored();
        byte[] big = ("{\"programmeId\":\"" + "a".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/things HTTP/1.1\r\nAuthorization: Bearer " + reporter()
                + "\r\nContent-Type: application/json";
        RawHttp.Response declared = raw.send(head + "\r\nContent-Length: " + big.length, big);
        assertProblem(declared.status(), declared.contentType(), declared.body(), 413);
        RawHttp.Response chunked = raw.send(head + "\r\nTransfer-Encoding: chunked", RawHttp.chunked(big, 8192));
        assertProblem(chunked.status(), chunked.contentType(), chunked.body(), 413);
        RawHttp.Response keyed = raw.send(
                head + "\r\nIdempotency-Key: edge-big-1\r\nTransfer-Encoding: chunked", RawHttp.chunked(big, 8192));
        assertProblem(keyed.status(), keyed.contentType(), keyed.body(), 413);
        assertThat(stored()).isEqualTo(before);
    }

    // ---- problem details from every layer ----------------------------------------------------------------------

    @Test
    void requestsRefusedBeforeAnyControllerAreProblemsThatEchoNothing() {
        String bearer = "\r\nAuthorization: Bearer " + reporter();
        List<String> heads = List.of(
                "GET /api/v1/things;" + IDENTITY + "?asOf=2026-10-01 HTTP/1.1",
                "GET /api/v1/things%2F" + IDENTITY + "?asOf=2026-10-01 HTTP/1.1",
                "GET /api/v1/things%00" + IDENTITY + " HTTP/1.1",
                "GET /api/v1/things%25" + IDENTITY + " HTTP/1.1",
                "GET /api/v1//things/" + IDENTITY + " HTTP/1.1",
                "GET /api/v1/./things/../" + IDENTITY + " HTTP/1.1",
                "GET /api/v1/things/%5C" + IDENTITY + " HTTP/1.1",
                "GET /api/v1/things/" + IDENTITY + "x".repeat(20_000) + " HTTP/1.1",
                "TRACE /api/v1/things/" + IDENTITY + " HTTP/1.1",
                "PATCH /api/v1/things/" + IDENTITY + " HTTP/1.1",
                "GET /api/v1/things/" + IDENTITY + " HTTP/1.1\r\nX-Big: " + "y".repeat(20_000),
                "GET /" + IDENTITY + " HTTP/1.1",
                "GET /api/v1/things/" + IDENTITY + " HTTP/1.1");
        for (String head : heads) {
            for (String auth : List.of("", bearer)) {
                RawHttp.Response response = raw.send(head + auth);
                assertThat(response.status())
                        .as(head.substring(0, Math.min(60, head.length())))
                        .isBetween(400, 499);
                assertProblem(response.status(), response.contentType(), response.body(), response.status());
            }
        }
    }

    @Test
    void bodiesAreReadStrictlyAndFieldNamesFromTheBodyAreNeverEchoed() {
        long before = stored();
        int calls = EdgeTestApplication.Things.CALLS.get();
        assertProblem(
                api.post("/api/v1/things", reporter(), GOOD.replace("\"amount\"", "\"" + IDENTITY + "\"")), 400, "*");
        assertProblem(
                api.post("/api/v1/things", reporter(), GOOD.replace("hf-malmo", "19811218-9876")), 400, "programmeId");
        assertProblem(api.post("/api/v1/things", reporter(), GOOD.replace("\"VISIT\"", "0")), 400, "kind");
        assertProblem(api.post("/api/v1/things", reporter(), GOOD.replace("\"VISIT\"", "\"visit\"")), 400, "kind");
        assertProblem(api.post("/api/v1/things", reporter(), GOOD.replace("3}", "3.5}")), 400, "amount");
        assertProblem(api.post("/api/v1/things", reporter(), GOOD.replace("3}", "\"3\"}")), 400, "amount");
        assertProblem(
                api.post("/api/v1/things", reporter(), GOOD.replace("2026-10-01", "2026-10-01T00:00")),
                400,
                "happenedOn");
        assertProblem(
                api.post("/api/v1/things", reporter(), GOOD.replace("hf-malmo", "hf\\u0000malmo")), 400, "programmeId");
        assertProblem(api.post("/api/v1/things", reporter(), GOOD + "{}"), 400, null);
        assertProblem(api.post("/api/v1/things", reporter(), GOOD.replace("{", "{\"kind\":\"CALL\",")), 400, null);
        assertThat(stored()).isEqualTo(before);
        assertThat(EdgeTestApplication.Things.CALLS.get()).isEqualTo(calls);
    }

    @Test
    void queryParametersAreReadStrictlyAndAMissingOneIs400() {
        String analyst = TestTokens.malmoAnalyst();
        assertThat(api.get("/api/v1/things?asOf=2026-10-01", analyst).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/things?asOf=2026-10-01&knownAt=2026-10-01T12:00:00Z", analyst)
                        .status())
                .isEqualTo(200);
        assertProblem(api.get("/api/v1/things", analyst), 400, "asOf");
        assertProblem(api.get("/api/v1/things?asOf=2026-1-1", analyst), 400, "asOf");
        assertProblem(api.get("/api/v1/things?asOf=%2B10000-01-01", analyst), 400, "asOf");
        assertProblem(
                api.get("/api/v1/things?asOf=2026-10-01&knownAt=%2B10000-01-01T00:00:00Z", analyst), 400, "knownAt");
        assertProblem(
                api.get("/api/v1/things?asOf=2026-10-01&knownAt=9999-12-31T23:59:59-01:00", analyst), 400, "knownAt");
        assertProblem(api.get("/api/v1/things?asOf=2026-10-01&kind=%20VISIT", analyst), 400, "kind");
        assertProblem(api.get("/api/v1/things?asOf=2026-10-01&kind=0", analyst), 400, "kind");
    }

    /* The fuzzer found a UUID path variable given as a tab answered 500: it converts to nothing, a client error. */
    @Test
    void aPathVariableThatConvertsToNothingIs400NamingIt() {
        String analyst = TestTokens.malmoAnalyst();
        assertThat(api.get("/api/v1/things/" + UUID.randomUUID(), analyst).status())
                .isEqualTo(200);
        assertProblem(api.get("/api/v1/things/%09", analyst), 400, "thingId");
        assertProblem(api.get("/api/v1/things/%20%20", analyst), 400, "thingId");
        assertProblem(api.get("/api/v1/things/not-a-uuid", analyst), 400, "thingId");
    }

    // ---- the OpenAPI document ----------------------------------------------------------------------------------

    /* A probe found every operation listing a required query object "unit" and a scheme named but never defined. */
    @Test
    void theDocumentListsOnlyRealParametersAndDefinesTheBearerScheme() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        JsonNode list = doc.get("paths").get("/api/v1/things").get("get");
        List<String> names = new ArrayList<>();
        list.get("parameters")
                .forEach(parameter -> names.add(parameter.get("name").asString()));
        assertThat(names).containsExactlyInAnyOrder("asOf", "knownAt", "kind");
        JsonNode create = doc.get("paths").get("/api/v1/things").get("post");
        List<String> headers = new ArrayList<>();
        create.get("parameters")
                .forEach(parameter -> headers.add(parameter.get("name").asString()));
        assertThat(headers).containsExactly("Idempotency-Key");
        List<String> created = new ArrayList<>();
        create.get("responses").propertyNames().forEach(created::add);
        assertThat(created)
                .contains("201", "400", "401", "403", "409", "413", "415", "422", "500")
                .doesNotContain("200");
        assertThat(create.get("responses")
                        .get("422")
                        .get("content")
                        .get("application/problem+json")
                        .get("schema")
                        .get("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.get("components")
                        .get("schemas")
                        .get("Problem")
                        .get("properties")
                        .has("errors"))
                .isTrue();
        JsonNode bearer = doc.get("components").get("securitySchemes").get("bearer");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
    }

    // ---- the token ---------------------------------------------------------------------------------------------

    @Test
    void onlyAValidTokenWithAKnownMunicipalityMayWrite() {
        long before = stored();
        JWTClaimsSet valid = TestTokens.claims("reporter", "SE", "1280", "malmo-bostad-forst")
                .build();
        assertProblem(api.post("/api/v1/things", null, GOOD), 401, null);
        assertProblem(api.post("/api/v1/things", "not-a-token", GOOD), 401, null);
        assertProblem(
                api.post("/api/v1/things", TestTokens.signed(valid, "another-secret-another-secret-0123456789"), GOOD),
                401,
                null);
        assertProblem(api.post("/api/v1/things", TestTokens.unsigned(valid), GOOD), 401, null);
        JWTClaimsSet expired = new JWTClaimsSet.Builder(valid)
                .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .build();
        assertProblem(api.post("/api/v1/things", TestTokens.signed(expired, TestTokens.SECRET), GOOD), 401, null);
        for (String claim : List.of("org", "country", "municipality")) {
            JWTClaimsSet missing =
                    new JWTClaimsSet.Builder(valid).claim(claim, null).build();
            assertProblem(api.post("/api/v1/things", TestTokens.signed(missing, TestTokens.SECRET), GOOD), 403, null);
        }
        for (String[] unit : List.of(
                new String[] {"SE", "9999"},
                new String[] {"SE", "0301"},
                new String[] {"DK", "0101"},
                new String[] {"NO", "1280"},
                new String[] {"SE", "128"})) {
            String token = TestTokens.token("reporter", unit[0], unit[1], "somewhere");
            assertProblem(api.post("/api/v1/things", token, GOOD), 403, null);
        }
        assertProblem(api.post("/api/v1/things", TestTokens.malmoAnalyst(), GOOD), 403, null);
        assertThat(stored()).isEqualTo(before);

        assertThat(api.post("/api/v1/things", TestTokens.token("reporter", "NO", "0301", "oslo-hf"), GOOD)
                        .status())
                .isEqualTo(201);
        assertThat(stored()).isEqualTo(before + 1);
    }

    /* Statistics are public by default: no token is let through, a token sent is still checked. */
    @Test
    void theStatisticsApiAnswersWithoutATokenAndChecksOneThatIsSent() {
        assertThat(api.get("/api/v2/config", null).status()).isEqualTo(200);
        assertThat(api.get("/api/v2/config", TestTokens.token("operator", "SE", "1280", "ops"))
                        .status())
                .isEqualTo(200);
        String expired = TestTokens.signed(
                TestTokens.claims("national", "SE", "1280", "scb")
                        .expirationTime(
                                java.util.Date.from(java.time.Instant.now().minusSeconds(60)))
                        .build(),
                TestTokens.SECRET);
        assertThat(api.get("/api/v2/config", expired).status()).isEqualTo(401);
        assertThat(api.post("/api/v2/config", null, "{}").status()).isEqualTo(401);
    }
}
