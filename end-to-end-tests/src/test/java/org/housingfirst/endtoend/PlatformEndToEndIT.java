package org.housingfirst.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The platform as it runs: the three executable jars as separate processes, each with its own database, sharing one
 * Kafka broker. A tenancy and an enrolment posted over REST reach outcomes-service through Kafka and change its metric.
 */
class PlatformEndToEndIT {

    private static final List<Process> PROCESSES = new ArrayList<>();
    private static Api tenancy;
    private static Api support;
    private static Api outcomes;

    @BeforeAll
    static void startPlatform() throws IOException {
        tenancy = new Api(start("tenancy-service"));
        support = new Api(start("support-service"));
        outcomes = new Api(start("outcomes-service"));
        for (Api service : List.of(tenancy, support, outcomes)) {
            eventually(() -> service.get("/actuator/health/readiness", null).status() == 200, "a service to be ready");
        }
    }

    @AfterAll
    static void stopPlatform() {
        PROCESSES.forEach(Process::destroy);
    }

    /* The operations dashboard in deploy/grafana plots only metrics that the running services really export. */
    @Test
    void everyMetricTheOperationsDashboardQueriesIsExported() throws IOException {
        Set<String> wanted = DeployFilesTest.grafanaMetrics();
        Set<String> exported = new TreeSet<>();
        eventually(
                () -> {
                    for (Api service : List.of(tenancy, support, outcomes)) {
                        for (String line :
                                service.get("/actuator/prometheus", null).body().split("\n")) {
                            if (!line.startsWith("#") && !line.isBlank()) {
                                exported.add(line.split("[{ ]")[0]);
                            }
                        }
                    }
                    return exported.containsAll(wanted);
                },
                "every queried metric to be exported");
        assertThat(exported).containsAll(wanted);
    }

    @Test
    void aTenancyPostedToTenancyServiceChangesRetentionInOutcomesService() {
        String token = TestTokens.malmoReporter();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        LocalDate moveIn = today.minusMonths(13);
        Api.Response enrolled = support.post(
                "/api/v1/enrolments",
                token,
                Api.json(Map.of(
                        "participant", Map.of("scheme", "SE_PERSONNUMMER", "value", "19811218-9876"),
                        "programmeId", "malmo-bostad-forst",
                        "enrolledOn", moveIn.minusMonths(1).toString(),
                        "referralSource", "OUTREACH",
                        "homelessnessSituation", "SE_1_ACUTE",
                        "homelessnessDuration", "YEARS_2_TO_5",
                        "birthYear", 1981)));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        Api.Response started = tenancy.post(
                "/api/v1/tenancies",
                token,
                Api.json(Map.of(
                        "participant", Map.of("scheme", "SE_PERSONNUMMER", "value", "811218-9876"),
                        "moveInDate", moveIn.toString(),
                        "contractType", "FIRST_HAND_LEASE",
                        "securityOfTenure", "FULL",
                        "leaseHolder", "PARTICIPANT",
                        "housingType", "SCATTERED_SITE",
                        "landlordType", "PUBLIC_HOUSING",
                        "rehousing", false)));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("participantId").asString())
                .as("one person, one pseudonym, whichever service and written form")
                .isEqualTo(enrolled.json().get("participantId").asString());

        String retention = "/api/v1/metrics/retention?months=12&asOf=" + today;
        eventually(
                () -> outcomes.get(retention, token)
                                .json()
                                .get("result")
                                .get("eligible")
                                .asInt()
                        == 1,
                "the tenancy to reach outcomes-service");
        assertThat(outcomes.get(retention, token)
                        .json()
                        .get("result")
                        .get("retained")
                        .asInt())
                .isEqualTo(1);

        String tenancyId = started.json().get("tenancyId").asString();
        Api.Response ended = tenancy.post(
                "/api/v1/tenancies/" + tenancyId + "/end",
                token,
                Api.json(Map.of(
                        "endDate", moveIn.plusMonths(2).toString(),
                        "endReason", "EVICTION_RENT_ARREARS",
                        "destinationCategory", "HOMELESS",
                        "initiatedBy", "LANDLORD")));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        eventually(
                () -> outcomes.get(retention, token)
                                .json()
                                .get("result")
                                .get("notRetained")
                                .asInt()
                        == 1,
                "the ending to reach outcomes-service");
        JsonNode figure = outcomes.get(retention, token).json().get("result");
        assertThat(figure.get("retained").asInt()).isZero();
        assertThat(figure.get("rate").asDouble()).isZero();
    }

    private static int start(String service) throws IOException {
        Path target = Path.of("..", service, "target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().matches(service + "-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar of " + service + " in " + target));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "-Xmx384m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--spring.datasource.url=" + TestBackends.freshDatabase("e2e_" + service.replace("-", "_")),
                        "--spring.datasource.username=" + TestBackends.user(),
                        "--spring.datasource.password=" + TestBackends.password(),
                        "--spring.kafka.bootstrap-servers=" + TestBackends.kafkaBootstrapServers(),
                        "--platform.identity.pseudonym-key=" + IntegrationTestConfiguration.PSEUDONYM_KEY,
                        "--platform.security.hmac-secret=" + TestTokens.SECRET,
                        "--logging.structured.format.console=")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", service + ".log").toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        PROCESSES.add(builder.start());
        return port;
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the service is still starting
            }
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
