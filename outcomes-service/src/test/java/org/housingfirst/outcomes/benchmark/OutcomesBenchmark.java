package org.housingfirst.outcomes.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.Contracts;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.ConsentPurpose;
import org.housingfirst.contracts.support.ConsentRecorded;
import org.housingfirst.contracts.support.ContactMode;
import org.housingfirst.contracts.support.HomelessnessDuration;
import org.housingfirst.contracts.support.HomelessnessSituation;
import org.housingfirst.contracts.support.ParticipantEnrolled;
import org.housingfirst.contracts.support.ReferralSource;
import org.housingfirst.contracts.support.Sex;
import org.housingfirst.contracts.support.StaffRole;
import org.housingfirst.contracts.support.SupportContactRecorded;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.outcomes.OutcomesServiceApplication;
import org.housingfirst.outcomes.consumption.Rebuild;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loads a synthetic national history (default 1,000,000 events, about 100,000 participants in 10 Swedish and 10
 * Norwegian municipalities) onto the in-JVM broker, then starts outcomes-service on a fresh database and prints:
 * consumption throughput, rebuild throughput, and p50/p99 latency of a national statistics query and of one
 * municipality's Kaplan-Meier curve. Asserts only that every event was stored, never a speed. Run it with the command
 * in the README (profile {@code benchmark}); {@code -Dbenchmark.events} changes the size.
 */
class OutcomesBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 1_000_000);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 300);
    private static final String[][] MUNICIPALITIES = {
        {"SE", "0180"}, {"SE", "1280"}, {"SE", "1480"}, {"SE", "0380"}, {"SE", "1281"},
        {"SE", "0580"}, {"SE", "1880"}, {"SE", "2480"}, {"SE", "0680"}, {"SE", "1283"},
        {"NO", "0301"}, {"NO", "4601"}, {"NO", "5001"}, {"NO", "1103"}, {"NO", "4204"},
        {"NO", "3301"}, {"NO", "5501"}, {"NO", "1804"}, {"NO", "3403"}, {"NO", "3907"}
    };
    private static final Instant RECORDED = Instant.parse("2026-07-01T08:00:00Z");

    @Test
    void run() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String tenancyTopic = "benchmark.tenancy." + run;
        String supportTopic = "benchmark.support." + run;
        String bootstrap = TestBackends.kafkaBootstrapServers();

        Instant produceStart = Instant.now();
        int participants = produce(bootstrap, tenancyTopic, supportTopic);
        double produceSeconds = seconds(produceStart);

        String database = TestBackends.freshDatabase("outcomes_benchmark");
        try (ConfigurableApplicationContext service = start(database, bootstrap, tenancyTopic, supportTopic)) {
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            Supplier<Double> stored =
                    () -> meters.get("outcomes.events.stored").counter().count();
            Instant first = waitFor(() -> stored.get() > 0, Duration.ofMinutes(2));
            Instant all = waitFor(() -> stored.get() >= EVENTS, Duration.ofMinutes(20));
            double consumeRate =
                    (EVENTS - 1) / Math.max(0.001, Duration.between(first, all).toMillis() / 1000.0);

            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            Api api = new Api(port);
            String national = "/api/v1/statistics/tables/HF02_SE/data";
            Instant coldStart = Instant.now();
            Api.Response cold = api.get(national, TestTokens.national());
            double coldMillis = seconds(coldStart) * 1000;
            assertThat(cold.status()).as(cold.body()).isEqualTo(200);
            double[] nationalLatency = latencies(api, national, TestTokens.national());
            String curve = "/api/v1/metrics/retention-curve?asOf=" + LocalDate.now();
            String malmo = TestTokens.token("analyst", "SE", "1280", "malmo-bostad-forst");
            Instant curveStart = Instant.now();
            assertThat(api.get(curve, malmo).status()).isEqualTo(200);
            double curveColdMillis = seconds(curveStart) * 1000;
            double[] curveLatency = latencies(api, curve, malmo);

            Rebuild rebuild = service.getBean(Rebuild.class);
            rebuild.start();
            waitFor(() -> rebuild.status().activeVersion() == 2, Duration.ofMinutes(20));
            Rebuild.Status rebuilt = rebuild.status();
            assertThat(rebuilt.eventsStored()).isEqualTo(EVENTS);

            System.out.printf(
                    Locale.ROOT,
                    """

                    ==== outcomes-service benchmark: %,d events, %,d participants, %d cores ====
                    produced to the broker (setup)         %10.0f events/s
                    consumed into the projection           %10.0f events/s
                    rebuilt from the topics' beginning     %10.0f events/s
                    national table HF02_SE, first query    %10.1f ms (computed from %,d events)
                    national table HF02_SE, %d queries    p50 %6.1f ms   p99 %6.1f ms
                    Kaplan-Meier curve of Malmö, first query %9.1f ms (computed from its events)
                    Kaplan-Meier curve of Malmö, %d queries p50 %6.1f ms   p99 %6.1f ms
                    ==========================================================================
                    %n""",
                    EVENTS,
                    participants,
                    Runtime.getRuntime().availableProcessors(),
                    EVENTS / produceSeconds,
                    consumeRate,
                    rebuilt.eventsPerSecond(),
                    coldMillis,
                    EVENTS,
                    QUERIES,
                    percentile(nationalLatency, 50),
                    percentile(nationalLatency, 99),
                    curveColdMillis,
                    QUERIES,
                    percentile(curveLatency, 50),
                    percentile(curveLatency, 99));
        }
    }

    private static double[] latencies(Api api, String path, String token) {
        for (int i = 0; i < 30; i++) {
            assertThat(api.get(path, token).status()).isEqualTo(200);
        }
        double[] millis = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            Api.Response response = api.get(path, token);
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(response.status()).isEqualTo(200);
        }
        return millis;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /**
     * Each participant: an enrolment, a national-statistics consent, a first tenancy (most first-hand), seven support
     * contacts; one in four tenancies ends (evictions, moves to permanent housing, rehousing within the programme with
     * a new tenancy, deaths). Stops at exactly {@code EVENTS} events.
     */
    private static int produce(String bootstrap, String tenancyTopic, String supportTopic) {
        Random random = new Random(42);
        int count = 0;
        int participant = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                512 * 1024))) {
            while (count < EVENTS) {
                List<ContractEvent> events = participant(random, participant++);
                for (ContractEvent event : events) {
                    if (count++ == EVENTS) {
                        break;
                    }
                    String topic = Contracts.context(event.getClass()).equals("tenancy") ? tenancyTopic : supportTopic;
                    producer.send(new ProducerRecord<>(topic, event.partitionKey(), cloudEvent(event)));
                }
            }
            producer.flush();
        }
        return participant;
    }

    private static List<ContractEvent> participant(Random random, int index) {
        String[] place = MUNICIPALITIES[index % MUNICIPALITIES.length];
        Municipality municipality =
                new Municipality(place[0], place[1], place[0].equals("SE") ? "SCB-2025" : "SSB-KLASS-131-2024");
        String id = pseudonym(index);
        LocalDate moveIn = LocalDate.parse("2022-01-01").plusDays(random.nextInt(1640));
        LocalDate enrolled = moveIn.minusDays(10 + random.nextInt(120));
        List<ContractEvent> events = new ArrayList<>();
        events.add(new ParticipantEnrolled(
                UUID.randomUUID(),
                id,
                "org",
                municipality,
                enrolled,
                RECORDED,
                "programme-" + (index % 3),
                ReferralSource.OUTREACH,
                HomelessnessSituation.SE_1_ACUTE,
                HomelessnessDuration.UNKNOWN,
                1950 + random.nextInt(55),
                Sex.values()[random.nextInt(Sex.values().length)]));
        events.add(new ConsentRecorded(
                UUID.randomUUID(), id, "org", municipality, enrolled, RECORDED, ConsentPurpose.NATIONAL_STATISTICS));
        UUID tenancy = UUID.randomUUID();
        events.add(tenancy(municipality, id, tenancy, moveIn, random.nextInt(10) < 7));
        UUID episode = UUID.randomUUID();
        for (int c = 0; c < 7; c++) {
            events.add(new SupportContactRecorded(
                    UUID.randomUUID(),
                    id,
                    "org",
                    municipality,
                    enrolled.plusDays(7L * c + random.nextInt(7)),
                    RECORDED,
                    episode,
                    UUID.randomUUID(),
                    ContactMode.HOME_VISIT,
                    30,
                    StaffRole.SOCIAL_WORKER,
                    false));
        }
        if (random.nextInt(4) == 0) {
            LocalDate end = moveIn.plusDays(30 + random.nextInt(900));
            if (end.isAfter(LocalDate.parse("2026-06-30"))) {
                end = LocalDate.parse("2026-06-30");
            }
            int kind = random.nextInt(20);
            EndReason reason = kind < 12
                    ? EndReason.EVICTION_RENT_ARREARS
                    : kind < 16
                            ? EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING
                            : kind < 19 ? EndReason.REHOUSED_WITHIN_PROGRAMME : EndReason.DECEASED;
            events.add(new TenancyEnded(
                    UUID.randomUUID(),
                    id,
                    "org",
                    municipality,
                    end,
                    RECORDED,
                    tenancy,
                    reason,
                    switch (reason) {
                        case EVICTION_RENT_ARREARS -> DestinationCategory.HOMELESS;
                        case MOVED_TO_OTHER_PERMANENT_HOUSING -> DestinationCategory.PERMANENT;
                        case DECEASED -> DestinationCategory.DECEASED;
                        default -> DestinationCategory.TEMPORARY;
                    },
                    EndInitiatedBy.PROGRAMME));
            if (reason == EndReason.REHOUSED_WITHIN_PROGRAMME) {
                events.add(tenancy(municipality, id, UUID.randomUUID(), end.plusDays(5 + random.nextInt(20)), true));
            }
        }
        return events;
    }

    private static TenancyStarted tenancy(
            Municipality municipality, String participant, UUID tenancy, LocalDate moveIn, boolean firstHand) {
        return new TenancyStarted(
                UUID.randomUUID(),
                participant,
                "org",
                municipality,
                moveIn,
                RECORDED,
                tenancy,
                null,
                firstHand ? ContractType.FIRST_HAND_LEASE : ContractType.SECOND_HAND_SOCIAL,
                SecurityOfTenure.FULL,
                LeaseHolder.PARTICIPANT,
                HousingType.SCATTERED_SITE,
                LandlordType.PUBLIC_HOUSING,
                false,
                null);
    }

    /** A distinct, well-formed pseudonym: the index in base 26 as letters, padded. */
    private static String pseudonym(int index) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            id.append((char) ('a' + index % 26));
            index /= 26;
        }
        return (id + "q".repeat(52)).substring(0, 52);
    }

    private static byte[] cloudEvent(ContractEvent event) {
        Map<String, Object> cloudEvent = new LinkedHashMap<>();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("id", event.eventId().toString());
        cloudEvent.put("source", "urn:benchmark");
        cloudEvent.put("type", Contracts.cloudEventType(event.getClass()));
        cloudEvent.put("time", event.recordedAt().toString());
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("dataschema", Contracts.schemaId(event.getClass()));
        cloudEvent.put("partitionkey", event.partitionKey());
        cloudEvent.put("data", event);
        return Api.JSON.writeValueAsBytes(cloudEvent);
    }

    private static Instant waitFor(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            assertThat(Instant.now()).as("in time").isBefore(deadline);
            Thread.sleep(50);
        }
        return Instant.now();
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static ConfigurableApplicationContext start(
            String database, String bootstrap, String tenancyTopic, String supportTopic) {
        return new SpringApplicationBuilder(OutcomesServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + TestBackends.user(),
                        "--spring.datasource.password=" + TestBackends.password(),
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--platform.consumption.topics=" + tenancyTopic + "," + supportTopic,
                        "--platform.consumption.group-id=benchmark",
                        "--platform.identity.pseudonym-key=" + IntegrationTestConfiguration.PSEUDONYM_KEY,
                        "--platform.security.hmac-secret=" + TestTokens.SECRET,
                        "--logging.structured.format.console=",
                        "--logging.level.root=WARN");
    }
}
