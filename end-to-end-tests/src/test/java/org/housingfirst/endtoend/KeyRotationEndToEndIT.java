package org.housingfirst.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pseudonym-key rotation as ADR 0006 designs it, as a rolling restart without downtime: each service gets a new
 * instance with the new key (and the old one as previous) while its old instance keeps serving, then the old one
 * stops; at the end every instance runs on the new key alone. Throughout, every person keeps one participant id,
 * whichever instance on whichever key sees them, and a retry of a request answered under the old key is replayed,
 * not recorded twice.
 */
class KeyRotationEndToEndIT {

    private static final String OLD_KEY = IntegrationTestConfiguration.PSEUDONYM_KEY;
    private static final String NEW_KEY = Base64.getEncoder()
            .encodeToString("the-new-pseudonym-key-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8));
    // Lund, so that the figures of the other end-to-end tests in Malmö, on the same topics, stay their own
    private static final String REPORTER = TestTokens.lundReporter();
    private static final String ANALYST = TestTokens.token("analyst", "SE", "1281", "lund-bostad-forst");

    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = Platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        platform.stop();
    }

    @Test
    void everyPersonKeepsTheirIdThroughARollingKeyRotation() throws Exception {
        Api oldTenancy = platform.api("tenancy-service");
        Api oldSupport = platform.api("support-service");
        LocalDate moveIn = LocalDate.now(ZoneId.of("Europe/Stockholm")).minusMonths(3);
        String anna = enrol(oldSupport, "19720815-1238", moveIn);
        Api.Response annaHoused = house(oldTenancy, "720815-1238", moveIn, "rotation-anna");
        assertThat(annaHoused.json().get("participantId").asString()).isEqualTo(anna);
        long tenancyEvents = events("tenancy-service");

        // tenancy-service: a new instance on the new key, the old one still serving on the old key
        Map<String, String> rotating = small(Map.of(
                "platform.identity.pseudonym-key", NEW_KEY, "platform.identity.previous-pseudonym-key", OLD_KEY));
        Platform.Instance newTenancy = platform.another("tenancy-service", rotating);
        Api.Response retried = house(newTenancy.api(), "720815-1238", moveIn, "rotation-anna");
        assertThat(retried.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retried.body()).isEqualTo(annaHoused.body());
        assertThat(events("tenancy-service")).isEqualTo(tenancyEvents);
        assertThat(lookUp(newTenancy.api(), "19720815-1238")).isEqualTo(anna);

        // someone new on the new key is found by a service on the old key, and the other way round
        String bo = house(newTenancy.api(), "19920228-9873", moveIn, null)
                .json()
                .get("participantId")
                .asString();
        assertThat(enrol(oldSupport, "19920228-9873", moveIn)).isEqualTo(bo);
        String cecilia = house(oldTenancy, "19880512-6540", moveIn, null)
                .json()
                .get("participantId")
                .asString();
        assertThat(lookUp(newTenancy.api(), "19880512-6540")).isEqualTo(cecilia);
        platform.stopFirst("tenancy-service");

        // support-service the same way; then both on the new key alone: the rotation is over
        Platform.Instance newSupport = platform.another("support-service", rotating);
        platform.stopFirst("support-service");
        String dan = enrol(newSupport.api(), "19811218-9876", moveIn);
        Map<String, String> rotated = small(Map.of("platform.identity.pseudonym-key", NEW_KEY));
        Platform.Instance finalTenancy = platform.another("tenancy-service", rotated);
        newTenancy.stop();
        Platform.Instance finalSupport = platform.another("support-service", rotated);
        newSupport.stop();

        assertThat(lookUp(finalTenancy.api(), "19720815-1238")).isEqualTo(anna);
        assertThat(lookUp(finalTenancy.api(), "19920228-9873")).isEqualTo(bo);
        assertThat(lookUp(finalTenancy.api(), "19880512-6540")).isEqualTo(cecilia);
        assertThat(house(finalTenancy.api(), "19811218-9876", moveIn, null)
                        .json()
                        .get("participantId")
                        .asString())
                .isEqualTo(dan);
        assertThat(finalSupport
                        .api()
                        .get("/api/v1/participants/" + bo + "/support", REPORTER)
                        .status())
                .isEqualTo(200);
        assertThat(Platform.count(platform.vaultJdbcUrl(), """
                        SELECT count(DISTINCT surrogate) FROM participant_link l WHERE NOT EXISTS (SELECT 1 FROM
                        participant_link c WHERE c.surrogate = l.surrogate AND c.key_id <> l.key_id)"""))
                .as("everyone seen during the rotation is reachable under both keys")
                .isZero();
        finalTenancy.stop();
        finalSupport.stop();
    }

    /** Small connection pools, so that two instances of a service fit in the test server's connections. */
    private static Map<String, String> small(Map<String, String> properties) {
        Map<String, String> all = new java.util.HashMap<>(properties);
        all.put("spring.datasource.hikari.maximum-pool-size", "4");
        all.put("platform.identity.vault.pool-size", "2");
        return all;
    }

    private static String enrol(Api support, String personnummer, LocalDate moveIn) {
        Api.Response enrolled = support.post(
                "/api/v1/enrolments",
                REPORTER,
                Bodies.enrolment(Bodies.personnummer(personnummer), "lund-bostad-forst", moveIn.minusMonths(1), 1970));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return enrolled.json().get("participantId").asString();
    }

    private static Api.Response house(Api tenancy, String personnummer, LocalDate moveIn, String idempotencyKey) {
        String body = Bodies.tenancy(Bodies.personnummer(personnummer), moveIn);
        Api.Response response = idempotencyKey == null
                ? tenancy.post("/api/v1/tenancies", REPORTER, body)
                : tenancy.post("/api/v1/tenancies", REPORTER, body, "Idempotency-Key", idempotencyKey);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static String lookUp(Api tenancy, String personnummer) {
        Api.Response found = tenancy.post(
                "/api/v1/participant-lookups",
                ANALYST,
                Api.json(Map.of("participant", Bodies.personnummer(personnummer))));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("participantId").asString();
    }

    private static long events(String service) {
        return Platform.count(platform.jdbcUrl(service), "SELECT count(*) FROM domainevententry");
    }
}
