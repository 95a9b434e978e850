package org.housingfirst.tenancy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.housingfirst.testbackends.WriteBenchmarks.rawInserts;
import static org.housingfirst.testbackends.WriteBenchmarks.runConcurrently;
import static org.housingfirst.testbackends.WriteBenchmarks.seconds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.housingfirst.contracts.Contracts;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.tenancy.TenancyServiceApplication;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.housingfirst.testbackends.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Throughput of {@code POST /api/v1/tenancies} (stored, then published to Kafka) next to a raw JDBC single-row INSERT
 * loop into the same PostgreSQL server at the same concurrency, in one run. Prints its figures; asserts only that every
 * request was stored and published, never a speed. Run it with the command in the README (profile {@code benchmark}).
 * Settings: {@code -Dbenchmark.requests} (default 4000), {@code -Dbenchmark.concurrency} (default 8), {@code
 * -Dbenchmark.warmup} (default 4000).
 */
class TenancyStartBenchmark {

    private static final String VAULT = TestBackends.freshDatabase("identity");

    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 4000);
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 8);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 4000);

    @Test
    void run() throws Exception {
        String database = TestBackends.freshDatabase("tenancy_benchmark");
        String bootstrap = TestBackends.kafkaBootstrapServers();
        try (ConfigurableApplicationContext service = start(database, bootstrap);
                TopicReader topic = new TopicReader(bootstrap, TenancyEvents.TOPIC)) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = TestTokens.malmoReporter();
            byte[] payload = samplePayload();

            rawInserts(database, CONCURRENCY, WARMUP, payload);
            postTenancies(http, port, token, "warmup", WARMUP);
            topic.readUntil(records -> records.size() >= WARMUP, Duration.ofMinutes(2));

            double rawRate = rawInserts(database, CONCURRENCY, REQUESTS, payload);

            int alreadyRead = topic.drain(Duration.ofMillis(500)).size();
            Instant started = Instant.now();
            Set<String> eventIds = postTenancies(http, port, token, "measured", REQUESTS);
            double storedSeconds = seconds(started);
            topic.readUntil(records -> published(records, eventIds) == REQUESTS, Duration.ofMinutes(5));
            double publishedSeconds = seconds(started);
            assertThat(eventIds).hasSize(REQUESTS);
            assertThat(topic.drain(Duration.ZERO).size() - alreadyRead).isGreaterThanOrEqualTo(REQUESTS);

            io.micrometer.core.instrument.Timer server = service.getBean(
                            io.micrometer.core.instrument.MeterRegistry.class)
                    .find("http.server.requests")
                    .tag("uri", "/api/v1/tenancies")
                    .timer();
            if (server != null) {
                System.out.printf(
                        Locale.ROOT,
                        "server-side mean %.2f ms over %d requests, client-side mean %.2f ms%n",
                        server.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                        server.count(),
                        storedSeconds * 1000 * CONCURRENCY / REQUESTS);
            }
            double storedRate = REQUESTS / storedSeconds;
            double publishedRate = REQUESTS / publishedSeconds;
            System.out.printf(
                    Locale.ROOT,
                    """

                    ==== tenancy-service benchmark: %d requests, %d concurrent, %d cores ====
                    raw JDBC single-row INSERT       %10.0f rows/s
                    POST /api/v1/tenancies, stored   %10.0f events/s   (%.1f %% of raw)
                    stored and published to Kafka    %10.0f events/s   (%.1f %% of raw)
                    ============================================================================
                    %n""",
                    REQUESTS,
                    CONCURRENCY,
                    Runtime.getRuntime().availableProcessors(),
                    rawRate,
                    storedRate,
                    100 * storedRate / rawRate,
                    publishedRate,
                    100 * publishedRate / rawRate);
        }
    }

    private static Set<String> postTenancies(HttpClient http, int port, String token, String label, int requests)
            throws Exception {
        String moveIn =
                LocalDate.now(IntegrationTestConfiguration.ZONE).minusDays(7).toString();
        Set<String> eventIds = ConcurrentHashMap.newKeySet();
        runConcurrently(CONCURRENCY, requests, (thread, count) -> {
            for (int i = 0; i < count; i++) {
                String body = Api.json(java.util.Map.of(
                        "participant",
                        java.util.Map.of("scheme", "LOCAL_REFERENCE", "value", label + "-" + thread + "-" + i),
                        "moveInDate",
                        moveIn,
                        "contractType",
                        "FIRST_HAND_LEASE",
                        "securityOfTenure",
                        "FULL",
                        "leaseHolder",
                        "PARTICIPANT",
                        "housingType",
                        "SCATTERED_SITE",
                        "landlordType",
                        "PUBLIC_HOUSING",
                        "rehousing",
                        false));
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tenancies"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("unexpected " + response.statusCode() + ": " + response.body());
                }
                eventIds.add(Api.JSON.readTree(response.body()).get("eventId").asString());
            }
        });
        return new HashSet<>(eventIds);
    }

    private static long published(List<ConsumerRecord<String, byte[]>> records, Set<String> eventIds) {
        return records.stream()
                .map(r -> Api.JSON.readTree(r.value()).get("id").asString())
                .filter(eventIds::contains)
                .distinct()
                .count();
    }

    private static byte[] samplePayload() throws IOException {
        try (InputStream in =
                TenancyStarted.class.getResourceAsStream(Contracts.sampleResource(TenancyStarted.class))) {
            return in.readAllBytes();
        }
    }

    private static ConfigurableApplicationContext start(String database, String bootstrap) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestBackends.user(),
                "--spring.datasource.password=" + TestBackends.password(),
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--platform.identity.pseudonym-key=" + IntegrationTestConfiguration.PSEUDONYM_KEY,
                "--platform.security.hmac-secret=" + TestTokens.SECRET,
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--spring.threads.virtual.enabled=" + Boolean.getBoolean("benchmark.virtual-threads")));
        args.addAll(IntegrationTestConfiguration.vaultArguments(VAULT));
        String extra = System.getProperty("benchmark.args", "");
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.split(",")));
        }
        return new SpringApplicationBuilder(TenancyServiceApplication.class).run(args.toArray(String[]::new));
    }
}
