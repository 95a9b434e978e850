package org.housingfirst.support.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.housingfirst.testbackends.WriteBenchmarks.rawInserts;
import static org.housingfirst.testbackends.WriteBenchmarks.runConcurrently;
import static org.housingfirst.testbackends.WriteBenchmarks.seconds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.housingfirst.support.SupportServiceApplication;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The write path of support-service against its targets (issue 14), in one run on one PostgreSQL server next to a raw
 * JDBC single-row INSERT loop at the same concurrency:
 *
 * <ul>
 *   <li>single requests ({@code POST …/contacts}) from 8 concurrent clients: events stored per second and the p99
 *       latency;
 *   <li>the same commands as bulk lines ({@code POST /api/v1/bulk}, 1,000 lines a request): events per second;
 *   <li>a contact on a participant with 1,000 earlier events against one on a participant with two, alternating, one
 *       client: mean and median latency;
 * </ul>
 *
 * and a profile of the service's threads while it runs (Java Flight Recorder, in process): where the samples fall.
 * Prints its figures next to the targets; asserts only that every command was stored, never a speed. Run it with
 * {@code ./mvnw -B -Pbenchmark -pl support-service -am verify}. Settings: {@code -Dbenchmark.requests} (4000),
 * {@code -Dbenchmark.concurrency} (8), {@code -Dbenchmark.bulk-requests} (8), {@code -Dbenchmark.bulk-concurrency} (2),
 * {@code -Dbenchmark.history-samples} (300).
 */
class SupportWriteBenchmark {

    private static final String VAULT = TestBackends.freshDatabase("identity");
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 4000);
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 8);
    private static final int BULK_REQUESTS = Integer.getInteger("benchmark.bulk-requests", 8);
    private static final int BULK_CONCURRENCY = Integer.getInteger("benchmark.bulk-concurrency", 2);
    private static final int BULK_LINES = 1000;
    private static final int HISTORY_SAMPLES = Integer.getInteger("benchmark.history-samples", 300);
    private static final LocalDate START = LocalDate.now().minusYears(1);

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = TestTokens.malmoReporter();
    private final AtomicInteger keys = new AtomicInteger();
    private int port;

    @Test
    void run() throws Exception {
        String database = TestBackends.freshDatabase("support_benchmark");
        try (ConfigurableApplicationContext service = start(database, TestBackends.kafkaBootstrapServers())) {
            port = ((WebServerApplicationContext) service).getWebServer().getPort();
            List<String> episodes = episodes("bench", 400);
            List<String> longEpisodes = episodes("long", 3);
            for (String episode : longEpisodes) { // 1,000 earlier events each: enrolment, episode, 998 contacts
                bulk(Collections.nCopies(998, episode), "history");
            }
            List<String> fresh = episodes("fresh", HISTORY_SAMPLES); // two earlier events each

            // warm-up of every path measured below
            rawInserts(database, CONCURRENCY, REQUESTS / 2, contact().getBytes(StandardCharsets.UTF_8));
            singles(episodes, REQUESTS / 2, "warmup");
            bulk(repeat(episodes, BULK_LINES), "warmup");

            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            double raw = rawInserts(database, CONCURRENCY, REQUESTS, contact().getBytes(StandardCharsets.UTF_8));
            long eventsBefore = storedEvents(database);
            Instant singleStart = Instant.now();
            long[] latencies = singles(episodes, REQUESTS, "single");
            double single = REQUESTS / seconds(singleStart);
            Instant bulkStart = Instant.now();
            runConcurrently(BULK_CONCURRENCY, BULK_REQUESTS, (thread, count) -> {
                // each client its own participants, as each feed writes its own: two writers of one aggregate at
                // once would make one of them a 409
                List<String> own = new ArrayList<>();
                for (int i = thread; i < episodes.size(); i += BULK_CONCURRENCY) {
                    own.add(episodes.get(i));
                }
                for (int i = 0; i < count; i++) {
                    bulk(repeat(own, BULK_LINES), "bulk");
                }
            });
            double bulk = (double) BULK_REQUESTS * BULK_LINES / seconds(bulkStart);
            assertThat(storedEvents(database) - eventsBefore).isEqualTo(REQUESTS + (long) BULK_REQUESTS * BULK_LINES);
            long[] onLong = new long[HISTORY_SAMPLES];
            long[] onNew = new long[HISTORY_SAMPLES];
            for (int i = 0; i < HISTORY_SAMPLES; i++) {
                onNew[i] = timedContact(fresh.get(i), "new-" + i);
                onLong[i] = timedContact(longEpisodes.get(i % longEpisodes.size()), "long-" + i);
            }
            recording.stop();
            Path profile = Path.of("target", "benchmark-support-service.jfr");
            recording.dump(profile);
            recording.close();

            Arrays.sort(latencies);
            double p99 = latencies[(int) Math.ceil(0.99 * latencies.length) - 1] / 1e6;
            double p50 = latencies[latencies.length / 2] / 1e6;
            double longMean = Arrays.stream(onLong).average().orElseThrow() / 1e6;
            double newMean = Arrays.stream(onNew).average().orElseThrow() / 1e6;
            Arrays.sort(onLong);
            Arrays.sort(onNew);
            System.out.printf(
                    Locale.ROOT,
                    """

                    ==== support-service write path: %d cores, %d clients ====
                    raw JDBC single-row INSERT             %8.0f rows/s
                    single contacts, %d clients, stored     %8.0f events/s  %5.1f %% of raw   target >= 1,500/s (25 %% of raw: %.0f)
                      latency p50 %.1f ms, p99 %.1f ms                                    target p99 <= 50 ms
                    bulk contacts, %d lines x %d requests, %d at once
                                                           %8.0f events/s  %5.1f %% of raw   target >= 50 %% of raw
                    a contact after 1,000 earlier events   mean %6.2f ms, median %6.2f ms
                    a contact after 2 earlier events       mean %6.2f ms, median %6.2f ms
                      ratio of the means %.2f, of the medians %.2f                        target <= 1.5
                    ==========================================================================
                    %s
                    %n""",
                    Runtime.getRuntime().availableProcessors(),
                    CONCURRENCY,
                    raw,
                    CONCURRENCY,
                    single,
                    100 * single / raw,
                    raw / 4,
                    p50,
                    p99,
                    BULK_LINES,
                    BULK_REQUESTS,
                    BULK_CONCURRENCY,
                    bulk,
                    100 * bulk / raw,
                    longMean,
                    onLong[onLong.length / 2] / 1e6,
                    newMean,
                    onNew[onNew.length / 2] / 1e6,
                    longMean / newMean,
                    (double) onLong[onLong.length / 2] / onNew[onNew.length / 2],
                    ProfileSummary.of(profile));
        }
    }

    /** Enrols participants and starts an episode for each, through bulk requests; returns the episode ids. */
    private List<String> episodes(String label, int count) throws Exception {
        List<String> enrolments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            enrolments.add(Api.line(
                    label + "-enrol-" + i,
                    "/api/v1/enrolments",
                    Api.json(Map.of(
                            "participant",
                            Map.of("scheme", "LOCAL_REFERENCE", "value", label + "-" + i),
                            "programmeId",
                            "malmo-bostad-forst",
                            "enrolledOn",
                            START.toString(),
                            "referralSource",
                            "OUTREACH",
                            "homelessnessSituation",
                            "SE_1_ACUTE",
                            "homelessnessDuration",
                            "YEARS_2_TO_5",
                            "birthYear",
                            1975))));
        }
        List<String> starts = new ArrayList<>();
        for (JsonNode result : send(enrolments)) {
            starts.add(Api.line(
                    label + "-episode-" + result.get("line").asInt(),
                    "/api/v1/participants/"
                            + result.get("body").get("participantId").asString() + "/support-episodes",
                    Api.json(Map.of("startedOn", START.toString(), "model", "ICM", "plannedContactsPerMonth", 4))));
        }
        return send(starts).stream()
                .map(r -> r.get("body").get("episodeId").asString())
                .toList();
    }

    private static List<String> repeat(List<String> episodes, int lines) {
        List<String> targets = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            targets.add(episodes.get(i % episodes.size()));
        }
        return targets;
    }

    private void bulk(List<String> episodes, String label) throws Exception {
        List<String> lines = new ArrayList<>(episodes.size());
        for (String episode : episodes) {
            lines.add(Api.line(
                    label + "-" + keys.incrementAndGet(),
                    "/api/v1/support-episodes/" + episode + "/contacts",
                    contact()));
        }
        send(lines);
    }

    /** Sends a bulk request and returns its results, which must all be accepted. */
    private List<JsonNode> send(List<String> lines) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/bulk"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> results =
                response.body().lines().map(l -> Api.JSON.readTree(l)).toList();
        assertThat(results)
                .hasSize(lines.size())
                .allSatisfy(r ->
                        assertThat(r.get("result").asString()).as(r.toString()).isEqualTo("accepted"));
        return results;
    }

    private long[] singles(List<String> episodes, int requests, String label) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        runConcurrently(CONCURRENCY, requests, (thread, count) -> {
            for (int i = 0; i < count; i++) {
                int n = next.getAndIncrement();
                latencies[n] = timedContact(episodes.get(n % episodes.size()), label + "-" + n);
            }
        });
        return latencies;
    }

    /** Posts one contact as a single request, with an idempotency key as a client sends it; returns nanoseconds. */
    private long timedContact(String episode, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/support-episodes/" + episode + "/contacts"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(contact()))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("unexpected " + response.statusCode() + ": " + response.body());
        }
        return took;
    }

    private static String contact() {
        return Api.json(Map.of(
                "contactedOn",
                START.plusDays(1).toString(),
                "mode",
                "HOME_VISIT",
                "durationMinutes",
                30,
                "staffRole",
                "SOCIAL_WORKER",
                "missed",
                false));
    }

    private static long storedEvents(String database) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(database, TestBackends.user(), TestBackends.password());
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
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
                "--logging.level.root=WARN"));
        args.addAll(IntegrationTestConfiguration.vaultArguments(VAULT));
        String extra = System.getProperty("benchmark.args", "");
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.split(",")));
        }
        return new SpringApplicationBuilder(SupportServiceApplication.class).run(args.toArray(String[]::new));
    }

    /**
     * Where a recording's CPU samples fall, each sample counted once: first by what the stack is doing (the most
     * specific marker found anywhere in it), then, for the rest, by the package of the innermost frame that is not the
     * JDK's. Also the methods with the most samples of their own.
     */
    static final class ProfileSummary {

        private static final Map<String, String> DOING = new java.util.LinkedHashMap<>();
        private static final Map<String, String> PACKAGES = new java.util.LinkedHashMap<>();

        static {
            DOING.put("Axon's handler timeouts (stack traces)", "AxonTimeLimitedTask");
            DOING.put("snapshots: taking one", "AbstractSnapshotter");
            DOING.put("loading an aggregate: snapshot and events", "EventSourcingRepository.doLoadWithLock");
            DOING.put("storing events", "AbstractEventStorageEngine.appendEvents");
            DOING.put("updating the views", "ViewProjection");
            DOING.put("the idempotency store", "IdempotentRequests");
            DOING.put("the identity vault", "IdentityVault");
            DOING.put("decoding the token", "JwtAuthenticationProvider");
            DOING.put("committing", "commit");
            PACKAGES.put("Spring Security, its own work", "org.springframework.security");
            PACKAGES.put("Micrometer", "io.micrometer");
            PACKAGES.put("logging", "ch.qos.logback");
            PACKAGES.put("Tomcat", "org.apache");
            PACKAGES.put("Jackson", "tools.jackson");
            PACKAGES.put("PostgreSQL driver", "org.postgresql");
            PACKAGES.put("Hikari", "com.zaxxer");
            PACKAGES.put("Axon, the rest", "org.axonframework");
            PACKAGES.put("Spring, the rest", "org.springframework");
            PACKAGES.put("the platform's own code", "org.housingfirst");
        }

        static String of(Path file) throws Exception {
            Map<String, Integer> shares = new java.util.LinkedHashMap<>();
            Map<String, Integer> self = new HashMap<>();
            int samples = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<String> frames = event.getStackTrace().getFrames().stream()
                        .map(f -> f.getMethod().getType().getName() + "."
                                + f.getMethod().getName())
                        .toList();
                if (frames.stream()
                        .anyMatch(f -> f.contains("SupportWriteBenchmark") || f.contains("jdk.internal.net.http"))) {
                    continue; // the benchmark's own clients
                }
                samples++;
                shares.merge(kind(frames), 1, Integer::sum);
                if (!frames.isEmpty()) {
                    self.merge(frames.getFirst(), 1, Integer::sum);
                }
            }
            StringBuilder summary = new StringBuilder(String.format(
                    Locale.ROOT, "profile of the service's threads (%d CPU samples, %s):%n", samples, file));
            int total = Math.max(1, samples);
            shares.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> summary.append(
                            String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
            summary.append("  methods with the most samples of their own:\n");
            self.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(8)
                    .forEach(e -> summary.append(
                            String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
            return summary.toString();
        }

        private static String kind(List<String> frames) {
            for (Map.Entry<String, String> doing : DOING.entrySet()) {
                if (frames.stream().anyMatch(f -> f.contains(doing.getValue()))) {
                    return doing.getKey();
                }
            }
            for (String frame : frames) {
                if (frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.")) {
                    continue;
                }
                for (Map.Entry<String, String> in : PACKAGES.entrySet()) {
                    if (frame.startsWith(in.getValue())) {
                        return in.getKey();
                    }
                }
                return "other libraries";
            }
            return "the JDK alone (GC, JIT, I/O)";
        }
    }
}
