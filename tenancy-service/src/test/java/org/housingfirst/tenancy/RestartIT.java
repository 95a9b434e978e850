package org.housingfirst.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.tenancy.tenancy.milestones.MilestoneScheduler;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.MutableClock;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;
import org.housingfirst.testbackends.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What must survive a restart of the service: due milestones and events stored but not yet published. */
class RestartIT {

    /** One identity vault for every start, as in production. */
    private static final String VAULT = TestBackends.freshDatabase("identity");

    private static final MutableClock CLOCK =
            new MutableClock(IntegrationTestConfiguration.NOW.toInstant(), IntegrationTestConfiguration.ZONE);

    @Configuration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        MutableClock sharedTestClock() {
            return CLOCK;
        }
    }

    @Test
    void milestoneThatFallsDueWhileTheServiceIsDownIsEmittedAfterRestartAndNotForAnEndedTenancy() {
        String database = TestBackends.freshDatabase("tenancy_restart");
        LocalDate today = LocalDate.now(CLOCK);
        LocalDate moveIn = today.minusMonths(5).minusDays(20);
        String kept;
        String ended;
        try (ConfigurableApplicationContext first = start(database)) {
            Api api = api(first);
            kept = start(api, "880512-6540", moveIn);
            ended = start(api, "920228-9873", moveIn);
            assertThat(api.post(
                                    "/api/v1/tenancies/" + ended + "/end",
                                    TestTokens.malmoReporter(),
                                    Api.json(Map.of(
                                            "endDate", today.toString(),
                                            "endReason", "MOVED_TO_OTHER_PERMANENT_HOUSING",
                                            "destinationCategory", "PERMANENT",
                                            "initiatedBy", "TENANT")))
                            .status())
                    .isEqualTo(200);
            assertThat(first.getBean(MilestoneScheduler.class).emitDueMilestones())
                    .isZero();
        }

        CLOCK.advance(Period.ofMonths(1));
        try (ConfigurableApplicationContext second = start(database);
                TopicReader topic = new TopicReader(TestBackends.kafkaBootstrapServers(), TenancyEvents.TOPIC)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            jdbc.sql(
                            "INSERT INTO milestone_schedule (tenancy_id, months, housing_history_id, due_on) VALUES (?, 6, ?, ?)")
                    .params(UUID.randomUUID(), "SE-1280:" + "a".repeat(52), today.minusDays(1))
                    .update();
            assertThat(second.getBean(MilestoneScheduler.class).emitDueMilestones())
                    .as("the due milestone, and an orphaned row that is removed instead of blocking")
                    .isEqualTo(2);
            assertThat(jdbc.sql("SELECT count(*) FROM milestone_schedule WHERE due_on <= ?")
                            .param(today.plusMonths(1))
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(second.getBean(MilestoneScheduler.class).emitDueMilestones())
                    .isZero();

            List<JsonNode> sustained =
                    topic.readUntil(records -> sustainedOf(records, kept).size() == 1, Duration.ofSeconds(30)).stream()
                            .map(r -> Api.JSON.readTree(r.value()))
                            .toList();
            JsonNode milestone =
                    sustainedOf(topic.drain(Duration.ofSeconds(2)), kept).getFirst();
            assertThat(milestone.get("data").get("months").asInt()).isEqualTo(6);
            assertThat(milestone.get("data").get("occurredOn").asString())
                    .isEqualTo(moveIn.plusMonths(6).toString());
            assertThat(sustainedOf(topic.drain(Duration.ofSeconds(1)), ended)).isEmpty();
            assertThat(sustained).isNotEmpty();
            assertThat(api(second)
                            .get("/api/v1/tenancies/" + kept, TestTokens.malmoAnalyst())
                            .json()
                            .get("sustainedMonths")
                            .asInt())
                    .isEqualTo(6);
        } finally {
            CLOCK.advance(Period.ofMonths(-1));
        }
    }

    @Test
    void eventsStoredWhileThePublisherIsStoppedArePublishedAfterRestartWithTheirIds() {
        String database = TestBackends.freshDatabase("tenancy_publisher");
        LocalDate moveIn = LocalDate.now(CLOCK).minusDays(10);
        try (ConfigurableApplicationContext first = start(database)) {
            Api api = api(first);
            for (int i = 0; i < 10; i++) {
                start(api, "ref-a-" + i, moveIn, "LOCAL_REFERENCE");
            }
            EventProcessor publisher = first.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("kafka-publisher")
                    .orElseThrow();
            publisher.shutDown();
            for (int i = 0; i < 10; i++) {
                start(api, "ref-b-" + i, moveIn, "LOCAL_REFERENCE");
            }
        }
        try (ConfigurableApplicationContext second = start(database);
                TopicReader topic = new TopicReader(TestBackends.kafkaBootstrapServers(), TenancyEvents.TOPIC)) {
            Api api = api(second);
            for (int i = 0; i < 10; i++) {
                start(api, "ref-c-" + i, moveIn, "LOCAL_REFERENCE");
            }
            Set<String> stored = new HashSet<>(second.getBean(JdbcClient.class)
                    .sql("SELECT convert_from(payload, 'UTF8')::json ->> 'eventId' FROM domainevententry")
                    .query(String.class)
                    .list());
            assertThat(stored).hasSize(30);

            List<ConsumerRecord<String, byte[]>> records =
                    topic.readUntil(rs -> ids(rs).keySet().containsAll(stored), Duration.ofSeconds(60));
            Map<String, List<String>> copies = ids(records);
            for (String id : stored) {
                assertThat(copies.get(id))
                        .as("every copy of " + id + " is the same event")
                        .allMatch(copies.get(id).getFirst()::equals);
            }
        }
    }

    private static Map<String, List<String>> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.groupingBy(
                        v -> Api.JSON.readTree(v).get("id").asString()));
    }

    private static List<JsonNode> sustainedOf(List<ConsumerRecord<String, byte[]>> records, String tenancyId) {
        return records.stream()
                .map(r -> Api.JSON.readTree(r.value()))
                .filter(e -> e.get("type").asString().contains(".TenancySustained."))
                .filter(e -> tenancyId.equals(e.get("data").get("tenancyId").asString()))
                .toList();
    }

    private static String start(Api api, String personnummer, LocalDate moveIn) {
        return start(api, personnummer, moveIn, "SE_PERSONNUMMER");
    }

    private static String start(Api api, String value, LocalDate moveIn, String scheme) {
        Api.Response response = api.post(
                "/api/v1/tenancies",
                TestTokens.malmoReporter(),
                Api.json(Map.of(
                        "participant", Map.of("scheme", scheme, "value", value),
                        "moveInDate", moveIn.toString(),
                        "contractType", "SECOND_HAND_SOCIAL",
                        "securityOfTenure", "LIMITED",
                        "leaseHolder", "MUNICIPALITY",
                        "housingType", "SCATTERED_SITE",
                        "landlordType", "MUNICIPALITY",
                        "rehousing", false)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("tenancyId").asString();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static ConfigurableApplicationContext start(String databaseUrl) {
        List<String> args = new ArrayList<>(IntegrationTestConfiguration.vaultArguments(VAULT));
        args.addAll(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestBackends.user(),
                "--spring.datasource.password=" + TestBackends.password(),
                "--spring.kafka.bootstrap-servers=" + TestBackends.kafkaBootstrapServers(),
                "--platform.identity.pseudonym-key=" + IntegrationTestConfiguration.PSEUDONYM_KEY,
                "--platform.security.hmac-secret=" + TestTokens.SECRET,
                "--platform.milestones.initial-delay=PT1H",
                "--logging.structured.format.console="));
        return new SpringApplicationBuilder(TenancyServiceApplication.class, SharedClock.class)
                .run(args.toArray(String[]::new));
    }
}
