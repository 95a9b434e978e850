package org.housingfirst.outcomes.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.ContactMode;
import org.housingfirst.contracts.support.StaffRole;
import org.housingfirst.contracts.support.SupportContactRecorded;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 10, printed next to its targets. It writes a synthetic national history (default 1,000,000
 * events) onto the in-JVM broker and measures, on the same data and the same two cores: two baselines (a consumer that
 * only reads, and one that stores the event log as this service did before projections); outcomes-service, in a JVM
 * of its own with a 512 MB heap, consuming with its projections and rebuilding them; the first query of a
 * municipality's Kaplan–Meier curve and 12-month retention and of a whole national table when nothing is cached;
 * freshness while a producer writes 200 events/s into one municipality and a client polls its retention every 100 ms;
 * and the service's heap. Every "first query" follows a new event of its scope that the service has stored, so nothing
 * is cached. Asserts only that every event was stored, never a speed. Run it with the command in the
 * README (profile {@code benchmark}); {@code -Dbenchmark.events} changes the size.
 */
class OutcomesBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 1_000_000);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 200);
    private static final int FRESHNESS_SECONDS = Integer.getInteger("benchmark.freshness.seconds", 30);
    private static final Municipality MALMO = new Municipality("SE", "1280", "SCB-2025");
    private static final String MALMO_ANALYST = TestTokens.token("analyst", "SE", "1280", "malmo-bostad-forst");
    private static final String STORED = "outcomes_events_stored_total";
    /** Rounds before the measured ones: the JIT compiles the query paths. */
    private static final int WARM_UP = 30;

    @Test
    void run() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String tenancyTopic = "benchmark.tenancy." + run;
        String supportTopic = "benchmark.support." + run;
        String bootstrap = TestBackends.kafkaBootstrapServers();
        List<String> topics = List.of(tenancyTopic, supportTopic);

        int participants = SyntheticHistory.produce(bootstrap, tenancyTopic, supportTopic, EVENTS);
        Baselines.Run read = Baselines.readOnly(bootstrap, topics, EVENTS);
        Baselines.Run eventLog = Baselines.eventLogOnly(bootstrap, topics, EVENTS);

        Path log = Path.of("target", "benchmark-outcomes-service.log");
        try (ServiceProcess service = ServiceProcess.start(tenancyTopic, supportTopic, "512m", log)) {
            HeapSampler heap = new HeapSampler(service);
            heap.start();
            Instant first = waitFor(() -> service.prometheus(STORED) > 0, Duration.ofMinutes(5));
            Instant all = waitFor(() -> service.prometheus(STORED) >= EVENTS, Duration.ofMinutes(30));
            double consumed = (EVENTS - 1) / seconds(first, all);
            long setAside = (long) service.prometheus("outcomes_events_set_aside_total");

            String today = LocalDate.now().toString();
            double[] curve = afterNewEvents(
                    service,
                    bootstrap,
                    supportTopic,
                    MALMO,
                    api -> api.get("/api/v1/metrics/retention-curve?asOf=" + today, MALMO_ANALYST),
                    WARM_UP,
                    QUERIES);
            double[] retention = afterNewEvents(
                    service,
                    bootstrap,
                    supportTopic,
                    MALMO,
                    api -> api.get("/api/v1/metrics/retention?months=12&asOf=" + today, MALMO_ANALYST),
                    WARM_UP,
                    QUERIES);
            // national tables are served as released: first every due quarter is published, then revisions are
            // computed after each new event (a support contact changes no national cell, so none is published)
            long start = System.nanoTime();
            Api.Response published = service.api.post("/api/v1/operations/releases", operator(), "");
            double firstPublication = (System.nanoTime() - start) / 1e9;
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            int releases = published.json().get("releases").size();
            Municipality stockholm = new Municipality("SE", "0180", "SCB-2025");
            double[] revision = afterNewEvents(
                    service,
                    bootstrap,
                    supportTopic,
                    stockholm,
                    api -> api.post("/api/v1/operations/releases", operator(), ""),
                    1,
                    3);
            double[] national = afterNewEvents(
                    service,
                    bootstrap,
                    supportTopic,
                    stockholm,
                    api -> api.get(
                            "/api/v2/tables/HF02_SE/data?valuecodes[region]=*&valuecodes[breakdown]=*"
                                    + "&valuecodes[period]=top(1)&valuecodes[contents]=*",
                            TestTokens.national()),
                    WARM_UP,
                    20);

            assertThat(service.api
                            .post("/api/v1/operations/rebuilds", operator(), "")
                            .status())
                    .isEqualTo(202);
            waitFor(
                    () -> service.api
                                    .get("/api/v1/operations/rebuilds", operator())
                                    .json()
                                    .get("activeVersion")
                                    .asInt()
                            == 2,
                    Duration.ofMinutes(30));
            double rebuilt = service.api
                    .get("/api/v1/operations/rebuilds", operator())
                    .json()
                    .get("eventsPerSecond")
                    .asDouble();

            double[] freshness = freshness(service, bootstrap, tenancyTopic);
            heap.stop();

            System.out.printf(
                    Locale.ROOT,
                    """

                    ==== outcomes-service benchmark: %,d events, %,d participants, %d cores ====
                                                                    measured                      target
                    baseline: a consumer that only reads           %,9.0f events/s
                    baseline: event log only (unnest + offsets)    %,9.0f events/s               (the reference)
                    consumption with projections                   %,9.0f events/s  %5.1f %%       >= 50 %% of it  %s
                    rebuild of every projection                    %,9.0f events/s  %5.1f %%       >= 60 %% of it  %s
                    first query, Kaplan-Meier curve of Malmö       p50 %6.1f ms  p99 %6.1f ms    p99 <= 50 ms    %s
                    first query, 12-month retention of Malmö       p50 %6.1f ms  p99 %6.1f ms    p99 <= 50 ms    %s
                    first query, national table HF02_SE (all)     p50 %6.1f ms  p99 %6.1f ms    <= 500 ms       %s
                    first publication, %3d releases (all due)      %6.1f s                        (daily, no target)
                    publication run after an event (8 quarters)   p50 %6.1f s   max %6.1f s     (daily, no target)
                    freshness, 200 events/s into Malmö             p50 %6.0f ms  p99 %6.0f ms    p99 <= 1000 ms  %s
                    service heap (-Xmx512m): max used / live       %5.0f MiB / %5.0f MiB       512 MB, no OOM  %s
                    records set aside                              %d
                    ==========================================================================================
                    %n""",
                    EVENTS,
                    participants,
                    Runtime.getRuntime().availableProcessors(),
                    read.perSecond(),
                    eventLog.perSecond(),
                    consumed,
                    100 * consumed / eventLog.perSecond(),
                    verdict(consumed >= 0.5 * eventLog.perSecond()),
                    rebuilt,
                    100 * rebuilt / eventLog.perSecond(),
                    verdict(rebuilt >= 0.6 * eventLog.perSecond()),
                    percentile(curve, 50),
                    percentile(curve, 99),
                    verdict(percentile(curve, 99) <= 50),
                    percentile(retention, 50),
                    percentile(retention, 99),
                    verdict(percentile(retention, 99) <= 50),
                    percentile(national, 50),
                    percentile(national, 99),
                    verdict(percentile(national, 99) <= 500),
                    releases,
                    firstPublication,
                    percentile(revision, 50) / 1000,
                    percentile(revision, 100) / 1000,
                    percentile(freshness, 50),
                    percentile(freshness, 99),
                    verdict(percentile(freshness, 99) <= 1000),
                    heap.maxUsed() / (1 << 20),
                    heap.maxLive() / (1 << 20),
                    verdict(service.alive() && !outOfMemory(log)),
                    setAside);
        }
    }

    /** Each query after one more event of its scope was stored, so nothing is cached: the first query after it. */
    private static double[] afterNewEvents(
            ServiceProcess service,
            String bootstrap,
            String supportTopic,
            Municipality m,
            java.util.function.Function<Api, Api.Response> request,
            int warmUp,
            int queries)
            throws InterruptedException {
        double[] millis = new double[queries];
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (int i = -warmUp; i < queries; i++) {
                double stored = service.prometheus(STORED);
                SupportContactRecorded contact = new SupportContactRecorded(
                        UUID.randomUUID(),
                        SyntheticHistory.pseudonym(i + warmUp + 10),
                        "org",
                        m,
                        LocalDate.now().minusDays(1),
                        Instant.now(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        ContactMode.PHONE,
                        10,
                        StaffRole.SOCIAL_WORKER,
                        false);
                producer.send(new ProducerRecord<>(
                        supportTopic, contact.partitionKey(), SyntheticHistory.cloudEvent(contact)));
                producer.flush();
                waitFor(() -> service.prometheus(STORED) > stored, Duration.ofMinutes(1));
                long start = System.nanoTime();
                Api.Response response = request.apply(service.api);
                double took = (System.nanoTime() - start) / 1e6;
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                if (i >= 0) {
                    millis[i] = took; // after the warm-up rounds, as a service that has run a while
                }
            }
        }
        return millis;
    }

    /**
     * A producer writes 200 new tenancies per second into Malmö, each moved in long enough ago to count for 12-month
     * retention; a client polls Malmö's retention every 100 ms. The delay of each event is from its sending to the first
     * poll that counts it.
     */
    private static double[] freshness(ServiceProcess service, String bootstrap, String tenancyTopic)
            throws InterruptedException {
        String path = "/api/v1/metrics/retention?months=12&asOf=" + LocalDate.now();
        int base = service.api
                .get(path, MALMO_ANALYST)
                .json()
                .get("result")
                .get("eligible")
                .asInt();
        int events = 200 * FRESHNESS_SECONDS;
        long[] sent = new long[events];
        List<long[]> polls = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        AtomicLong pollErrors = new AtomicLong();
        Thread poller = Thread.ofPlatform().start(() -> {
            while (polling.get()) {
                long at = System.nanoTime();
                Api.Response response = service.api.get(path, MALMO_ANALYST);
                if (response.status() == 200) {
                    polls.add(new long[] {
                        System.nanoTime(),
                        response.json().get("result").get("eligible").asInt()
                    });
                } else {
                    pollErrors.incrementAndGet();
                }
                sleepUntil(at + 100_000_000L);
            }
        });
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                sleepUntil(start + i * 5_000_000L);
                TenancyStarted started = SyntheticHistory.tenancy(
                        MALMO,
                        SyntheticHistory.pseudonym(2_000_000 + i),
                        UUID.randomUUID(),
                        LocalDate.now().minusMonths(14),
                        true);
                sent[i] = System.nanoTime();
                producer.send(new ProducerRecord<>(
                        tenancyTopic, started.partitionKey(), SyntheticHistory.cloudEvent(started)));
            }
        }
        waitFor(() -> !polls.isEmpty() && polls.getLast()[1] >= base + events, Duration.ofMinutes(2));
        polling.set(false);
        poller.join();
        assertThat(pollErrors.get()).isZero();
        double[] delays = new double[events];
        int p = 0;
        for (int i = 0; i < events; i++) {
            while (polls.get(p)[1] < base + i + 1) {
                p++;
            }
            delays[i] = (polls.get(p)[0] - sent[i]) / 1e6;
        }
        return delays;
    }

    /** Samples the service's heap every half second: used, and the live data after the last collection. */
    private static final class HeapSampler {
        private final ServiceProcess service;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile double maxUsed;
        private volatile double maxLive;
        private Thread thread;

        HeapSampler(ServiceProcess service) {
            this.service = service;
        }

        void start() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    try {
                        maxUsed = Math.max(maxUsed, service.prometheus("jvm_memory_used_bytes{", "area=\"heap\""));
                        maxLive = Math.max(maxLive, service.prometheus("jvm_gc_live_data_size_bytes", ""));
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        // a busy service may miss a sample
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }

        double maxUsed() {
            return maxUsed;
        }

        double maxLive() {
            return maxLive;
        }
    }

    private static boolean outOfMemory(Path log) throws java.io.IOException {
        return java.nio.file.Files.readString(log).contains("OutOfMemoryError");
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return SyntheticHistory.producer(bootstrap, 0, 16 * 1024);
    }

    private static String operator() {
        return TestTokens.token("operator", "SE", "0180", "platform-operations");
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Instant waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("in time").isBefore(deadline);
            Thread.sleep(50);
        }
        return Instant.now();
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
    }
}
