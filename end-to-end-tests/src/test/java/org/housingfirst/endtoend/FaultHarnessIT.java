package org.housingfirst.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.housingfirst.contracts.support.SupportEvents;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.housingfirst.testbackends.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The fault-injection harness (issue 11, point 1). Participants' lives as events through the REST APIs of both
 * services, by a client that retries with the same idempotency key, while each service in turn is killed with SIGKILL
 * and started again, the broker is restarted and PostgreSQL is restarted. Afterwards, per event and per participant:
 * acknowledged (2xx) = stored in the event stores, stored = published (by CloudEvents id; a duplicate keeps its id),
 * published = counted once in outcomes-service's event log, and the projections hold one row per event with a
 * projection of its own. It prints each figure next to its goal.
 *
 * <p>Runs only when asked: {@code ./mvnw -B verify -pl end-to-end-tests -am -Dit.alone=FaultHarnessIT
 * -Dfaults.events=50000} is the full run (two rounds of faults, about 10 minutes), {@code 5000} the short version
 * {@code .ci/run} runs (one round). Needs PostgreSQL and Kafka in containers ({@code TEST_BACKENDS=containers}), which it
 * restarts; the services listen on loopback, and the test stops itself after two hours at the latest.
 */
class FaultHarnessIT {

    private static final Integer EVENTS_ASKED = Integer.getInteger("faults.events");
    private static final int EVENTS = EVENTS_ASKED == null ? 0 : EVENTS_ASKED;
    private static final int EVENTS_PER_PARTICIPANT = 10;
    private static final String TOKEN = TestTokens.malmoReporter();

    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws IOException {
        assumeTrue(
                EVENTS_ASKED != null,
                "skipped: run it with -Dit.alone=FaultHarnessIT -Dfaults.events=5000 (short) or 50000 (full)");
        assumeTrue(
                TestBackends.inContainers(),
                "skipped: the harness restarts PostgreSQL and Kafka, which needs them in containers");
        platform = Platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.HOURS)
    void nothingAcknowledgedIsLostAndNothingIsCountedTwice() throws Exception {
        int participants = EVENTS / EVENTS_PER_PARTICIPANT;
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        long began = System.nanoTime();
        ExecutorService load = Executors.newFixedThreadPool(8);
        List<Future<?>> scripts = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            int n = i;
            scripts.add(load.submit(() -> participant(n, acknowledged, refused, retries)));
        }
        List<String> faults = new ArrayList<>();
        Thread injector = Thread.ofPlatform().start(() -> injectFaults(acknowledged, faults));
        for (Future<?> script : scripts) {
            script.get();
        }
        load.shutdown();
        injector.join();
        long loadSeconds = (System.nanoTime() - began) / 1_000_000_000L;

        Map<String, String> stored = new HashMap<>();
        stored.putAll(eventsInStore("tenancy-service"));
        stored.putAll(eventsInStore("support-service"));
        Published published = published();
        Outcomes outcomes = outcomes(published.participantOf().size());

        Comparison c = new Comparison();
        c.add("acknowledged but not stored", missing(acknowledged, stored), true);
        c.add("stored but not published", missing(stored, published.participantOf()), true);
        c.add("published but not stored", missing(published.participantOf(), stored), true);
        c.add("published more than once", duplicates(published), false);
        c.add("published but not counted", missing(published.participantOf(), outcomes.counted()), true);
        c.add("counted but not published", missing(outcomes.counted(), published.participantOf()), true);
        c.add("projected rows != events", projectionDifferences(published, outcomes.projected()), true);
        c.add("set aside by outcomes", outcomes.setAside(), true);
        Set<String> participantsCompared =
                new HashSet<>(published.participantOf().values());
        participantsCompared.addAll(acknowledged.values());
        System.out.printf(
                "%nFault harness: %,d events asked by %,d participants; load %d s with %s%n"
                        + "  %,d acknowledged, %,d refused, %,d retries, %,d stored, %,d published, %,d counted%n"
                        + "%s"
                        + "  participants compared %,d, with any difference %,d (goal 0)%n%n",
                EVENTS,
                participants,
                loadSeconds,
                String.join(", ", faults),
                acknowledged.size(),
                refused.get(),
                retries.get(),
                stored.size(),
                published.participantOf().size(),
                outcomes.counted().size(),
                c.table(),
                participantsCompared.size(),
                c.participants().size());
        assertThat(refused)
                .as("requests refused (the script only writes valid events)")
                .hasValue(0);
        assertThat(acknowledged).as("acknowledged").hasSize(EVENTS);
        assertThat(c.failures()).isEmpty();
    }

    /* What differs between two layers, as event id -> participant (of the layer that has it). */
    private static Map<String, String> missing(Map<String, String> from, Map<String, String> in) {
        Map<String, String> missing = new HashMap<>();
        from.forEach((id, participant) -> {
            if (!in.containsKey(id) || !in.get(id).equals(participant)) {
                missing.put(id, participant);
            }
        });
        return missing;
    }

    private static Map<String, String> duplicates(Published published) {
        Map<String, String> duplicates = new HashMap<>();
        published.times().forEach((id, times) -> {
            if (times > 1) {
                duplicates.put(id, published.participantOf().get(id));
            }
        });
        return duplicates;
    }

    /* Per participant and event type with a projection of its own: published events against projected rows. */
    private static Map<String, String> projectionDifferences(Published published, Map<String, Integer> projected) {
        Map<String, Integer> expected = new HashMap<>();
        published.typeOf().forEach((id, type) -> {
            if (PROJECTED_TYPES.contains(type)) {
                expected.merge(published.participantOf().get(id) + " " + type, 1, Integer::sum);
            }
        });
        Map<String, String> differences = new HashMap<>();
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(projected.keySet());
        for (String key : keys) {
            if (!expected.getOrDefault(key, 0).equals(projected.getOrDefault(key, 0))) {
                differences.put(key, key.substring(0, key.indexOf(' ')));
            }
        }
        return differences;
    }

    /* The figures and which participants they concern. */
    private static final class Comparison {
        private final StringBuilder table = new StringBuilder();
        private final Set<String> participants = new HashSet<>();
        private final List<String> failures = new ArrayList<>();

        void add(String figure, Map<String, String> differences, boolean goalZero) {
            table.append(String.format(
                    "  %-30s %8d  %s%n", figure, differences.size(), goalZero ? "goal 0" : "(same CloudEvents id)"));
            if (goalZero) {
                participants.addAll(differences.values());
                if (!differences.isEmpty()) {
                    failures.add(figure + ": "
                            + differences.entrySet().stream().limit(5).toList());
                }
            }
        }

        String table() {
            return table.toString();
        }

        Set<String> participants() {
            return participants;
        }

        List<String> failures() {
            return failures;
        }
    }

    /* One participant's life: enrolment, consent, tenancy, risk, absence, support episode, offer, contacts. */
    private static void participant(
            int n, Map<String, String> acknowledged, AtomicInteger refused, AtomicInteger retries) {
        String personnummer = personnummer(n);
        LocalDate start = LocalDate.of(2025, 1, 1).plusDays(n % 300);
        Api support = platform.api("support-service");
        Api tenancy = platform.api("tenancy-service");
        JsonNode enrolled = write(
                support,
                "/api/v1/enrolments",
                Api.json(Map.of(
                        "participant", Map.of("scheme", "SE_PERSONNUMMER", "value", personnummer),
                        "programmeId", "malmo-bostad-forst",
                        "enrolledOn", start.toString(),
                        "referralSource", "OUTREACH",
                        "homelessnessSituation", "SE_1_ACUTE",
                        "homelessnessDuration", "YEARS_2_TO_5",
                        "birthYear", 1970)),
                acknowledged,
                refused,
                retries);
        if (enrolled == null) {
            return;
        }
        String participant = enrolled.get("participantId").asString();
        write(
                support,
                "/api/v1/participants/" + participant + "/consents",
                Api.json(Map.of("purpose", "NATIONAL_STATISTICS", "date", start.toString())),
                acknowledged,
                refused,
                retries);
        JsonNode started = write(
                tenancy,
                "/api/v1/tenancies",
                Api.json(Map.of(
                        "participant", Map.of("scheme", "SE_PERSONNUMMER", "value", personnummer),
                        "moveInDate", start.plusDays(10).toString(),
                        "contractType", "FIRST_HAND_LEASE",
                        "securityOfTenure", "FULL",
                        "leaseHolder", "PARTICIPANT",
                        "housingType", "SCATTERED_SITE",
                        "landlordType", "PUBLIC_HOUSING",
                        "rehousing", false)),
                acknowledged,
                refused,
                retries);
        if (started != null) {
            String t = "/api/v1/tenancies/" + started.get("tenancyId").asString();
            write(
                    tenancy,
                    t + "/risks",
                    Api.json(Map.of("registeredOn", start.plusDays(40).toString(), "riskType", "RENT_ARREARS")),
                    acknowledged,
                    refused,
                    retries);
            JsonNode absence = write(
                    tenancy,
                    t + "/absences",
                    Api.json(Map.of("startedOn", start.plusDays(60).toString(), "absenceType", "HOSPITAL")),
                    acknowledged,
                    refused,
                    retries);
            if (absence != null) {
                write(
                        tenancy,
                        t + "/absences/" + absence.get("absenceId").asString() + "/end",
                        Api.json(Map.of("endedOn", start.plusDays(70).toString())),
                        acknowledged,
                        refused,
                        retries);
            }
        }
        JsonNode episode = write(
                support,
                "/api/v1/participants/" + participant + "/support-episodes",
                Api.json(Map.of(
                        "startedOn", start.plusDays(1).toString(), "model", "ICM", "plannedContactsPerMonth", 4)),
                acknowledged,
                refused,
                retries);
        if (episode != null) {
            String e = "/api/v1/support-episodes/" + episode.get("episodeId").asString();
            write(
                    support,
                    e + "/offers",
                    Api.json(Map.of("offeredOn", start.plusDays(2).toString(), "serviceType", "EMPLOYMENT")),
                    acknowledged,
                    refused,
                    retries);
            for (int c = 0; c < 2; c++) {
                write(
                        support,
                        e + "/contacts",
                        Api.json(Map.of(
                                "contactedOn",
                                start.plusDays(5 + c).toString(),
                                "durationMinutes",
                                30,
                                "missed",
                                false,
                                "mode",
                                "HOME_VISIT",
                                "staffRole",
                                "SOCIAL_WORKER")),
                        acknowledged,
                        refused,
                        retries);
            }
        }
    }

    /* A client that retries with the same key until the service answers, as the platform's clients should. */
    private static JsonNode write(
            Api api,
            String path,
            String body,
            Map<String, String> acknowledged,
            AtomicInteger refused,
            AtomicInteger retries) {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                Api.Response response = api.post(path, TOKEN, body, "Idempotency-Key", key);
                if (response.status() >= 200 && response.status() < 300) {
                    JsonNode json = response.json();
                    acknowledged.put(
                            json.get("eventId").asString(),
                            json.get("participantId").asString());
                    return json;
                }
                if (response.status() < 500 && response.status() != 409) {
                    refused.incrementAndGet();
                    return null;
                }
            } catch (RuntimeException unavailable) {
                // the service is down or restarting: retry
            }
            retries.incrementAndGet();
            sleep(500);
        }
        throw new AssertionError("no answer from " + path + " in 5 minutes");
    }

    /*
     * Each round kills each service in turn with SIGKILL and starts it again, then restarts the broker and PostgreSQL,
     * spread evenly over the load: one round in the short version, one more per further 25,000 events.
     */
    private static void injectFaults(Map<String, String> acknowledged, List<String> done) {
        List<String> faults = new ArrayList<>();
        for (int round = 0; round < 1 + (EVENTS - 1) / 25_000; round++) {
            faults.addAll(Platform.SERVICES);
            faults.add("kafka");
            faults.add("postgresql");
        }
        int step = EVENTS / (faults.size() + 1);
        try {
            for (int i = 0; i < faults.size(); i++) {
                awaitAcknowledged(acknowledged, (i + 1) * step);
                String fault = faults.get(i);
                switch (fault) {
                    case "kafka" -> TestBackends.restartKafka();
                    case "postgresql" -> TestBackends.restartPostgres();
                    default -> {
                        platform.kill(fault);
                        Thread.sleep(3_000);
                        platform.restart(fault);
                    }
                }
                done.add((fault.endsWith("-service") ? "kill -9 " : "restart ") + fault);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitAcknowledged(Map<String, String> acknowledged, int count) {
        while (acknowledged.size() < count) {
            sleep(200);
        }
    }

    /* Event id -> participant, from the service's Axon event store. */
    private static Map<String, String> eventsInStore(String service) throws SQLException {
        Map<String, String> events = new HashMap<>();
        try (Connection c = connect(service);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("""
                        SELECT e ->> 'eventId', e ->> 'participantId'
                          FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e FROM domainevententry) stored
                        """)) {
            while (rows.next()) {
                events.put(rows.getString(1), rows.getString(2));
            }
        }
        return events;
    }

    private record Published(
            Map<String, String> participantOf, Map<String, String> typeOf, Map<String, Integer> times) {}

    /* Every record on both topics, by CloudEvents id. */
    private static Published published() {
        Published published = new Published(new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (String topic : List.of(TenancyEvents.TOPIC, SupportEvents.TOPIC)) {
            try (TopicReader reader = new TopicReader(TestBackends.kafkaBootstrapServers(), topic)) {
                for (ConsumerRecord<String, byte[]> record : reader.drain(Duration.ofSeconds(20))) {
                    JsonNode cloudEvent = Api.JSON.readTree(record.value());
                    String id = cloudEvent.get("id").asString();
                    String type = cloudEvent.get("type").asString();
                    published
                            .participantOf()
                            .put(id, cloudEvent.get("data").get("participantId").asString());
                    published
                            .typeOf()
                            .put(
                                    id,
                                    type.substring("org.housingfirst.".length())
                                            .replaceAll("^[a-z]+\\.|\\.v[0-9]+$", ""));
                    published.times().merge(id, 1, Integer::sum);
                }
            }
        }
        return published;
    }

    private record Outcomes(
            Map<String, String> counted, Map<String, Integer> projected, Map<String, String> setAside) {}

    /* The event types with rows of their own in the projections, and the current rows per participant. */
    private static final Set<String> PROJECTED_TYPES = Set.of(
            "ParticipantEnrolled",
            "ConsentRecorded",
            "TenancyStarted",
            "SupportEpisodeStarted",
            "SupportOffered",
            "SupportContactRecorded");

    private static final String PROJECTED_ROWS = """
            SELECT participant_id, 'ParticipantEnrolled', count(*) FROM enrolment GROUP BY 1
            UNION ALL SELECT participant_id, 'ConsentRecorded', count(*)
                        FROM consent WHERE recorded_to = 'infinity' GROUP BY 1
            UNION ALL SELECT participant_id, 'TenancyStarted', count(*)
                        FROM tenancy_spell WHERE recorded_to = 'infinity' GROUP BY 1
            UNION ALL SELECT participant_id, 'SupportEpisodeStarted', count(*)
                        FROM support_episode WHERE recorded_to = 'infinity' GROUP BY 1
            UNION ALL SELECT participant_id, 'SupportOffered', count(*)
                        FROM support_offer WHERE recorded_to = 'infinity' GROUP BY 1
            UNION ALL SELECT participant_id, 'SupportContactRecorded', count(*) FROM support_contact GROUP BY 1
            """;

    /* outcomes-service's event log and projections (active version), once it has caught up with the topics. */
    private static Outcomes outcomes(int published) throws SQLException {
        Outcomes outcomes = new Outcomes(new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (int attempt = 0; attempt < 300; attempt++) {
            outcomes.counted().clear();
            outcomes.projected().clear();
            outcomes.setAside().clear();
            try (Connection c = connect("outcomes-service");
                    Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                String schema;
                try (ResultSet active =
                        s.executeQuery("SELECT version FROM projection_version WHERE state = 'ACTIVE'")) {
                    active.next();
                    schema = "projection_v" + active.getInt(1);
                }
                s.execute("SET LOCAL search_path TO " + schema + ", public");
                try (ResultSet rows = s.executeQuery("SELECT event_id, data ->> 'participantId' FROM event_log")) {
                    while (rows.next()) {
                        outcomes.counted().put(rows.getString(1), rows.getString(2));
                    }
                }
                try (ResultSet rows = s.executeQuery(PROJECTED_ROWS)) {
                    while (rows.next()) {
                        outcomes.projected().put(rows.getString(1) + " " + rows.getString(2), rows.getInt(3));
                    }
                }
                try (ResultSet rows = s.executeQuery(
                        "SELECT topic || '/' || partition || '@' || \"offset\", reason FROM set_aside_record")) {
                    while (rows.next()) {
                        outcomes.setAside().put(rows.getString(1), "(set aside: " + rows.getString(2) + ")");
                    }
                }
                c.commit();
            }
            if (outcomes.counted().size() >= published) {
                return outcomes;
            }
            sleep(1_000);
        }
        return outcomes;
    }

    /* PostgreSQL may still be coming back from its restart. */
    private static Connection connect(String service) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return DriverManager.getConnection(
                        platform.jdbcUrl(service), TestBackends.user(), TestBackends.password());
            } catch (SQLException notYet) {
                if (attempt >= 60) {
                    throw notYet;
                }
                sleep(1_000);
            }
        }
    }

    private static String personnummer(int n) {
        String stem = String.format("%02d%02d%02d%03d", 50 + n % 40, 1 + n % 12, 1 + n % 28, 1 + n / 400 % 999);
        int sum = 0;
        for (int i = 0; i < stem.length(); i++) {
            int d = (stem.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return stem.substring(0, 6) + "-" + stem.substring(6) + (10 - sum % 10) % 10;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
