package org.housingfirst.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.tenancy.HousingOffered;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publish-after-acknowledgement against a real PostgreSQL event store and a real broker: a send that fails leaves the
 * publisher's token where it was, so the event is published once the broker takes it again, with its own CloudEvents
 * id; and the events of one participant arrive in the order they were stored.
 */
@SpringBootTest(classes = OutboxTestApplication.class)
class OutboxPublishingTest {

    private static final String TOPIC = "outbox-test-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Municipality MALMO = new Municipality("SE", "1280", "SCB-2025");

    @Autowired
    EventGateway events;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        String url = TestBackends.freshDatabase("outbox");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestBackends::user);
        registry.add("spring.datasource.password", TestBackends::password);
        registry.add("spring.flyway.locations", () -> "classpath:db/outbox");
        registry.add("spring.kafka.bootstrap-servers", TestBackends::kafkaBootstrapServers);
        registry.add(
                "spring.kafka.producer.key-serializer", () -> "org.apache.kafka.common.serialization.StringSerializer");
        registry.add(
                "spring.kafka.producer.value-serializer", () -> OutboxTestApplication.FlakySerializer.class.getName());
        registry.add("spring.kafka.producer.acks", () -> "all");
        registry.add("axon.axonserver.enabled", () -> "false");
        registry.add("axon.serializer.general", () -> "jackson3");
        registry.add("axon.serializer.events", () -> "jackson3");
        registry.add("axon.serializer.messages", () -> "jackson3");
        registry.add("axon.eventhandling.processors.kafka-publisher.mode", () -> "pooled");
        registry.add("axon.eventhandling.processors.kafka-publisher.thread-count", () -> "1");
        registry.add("axon.eventhandling.processors.kafka-publisher.initial-segment-count", () -> "1");
        registry.add("platform.publishing.topic", () -> TOPIC);
        registry.add("platform.publishing.source", () -> "urn:housingfirst:outbox-test");
        registry.add("platform.publishing.partitions", () -> "3");
        registry.add("platform.publishing.ack-timeout", () -> "PT5S");
    }

    @AfterEach
    void brokerBack() {
        OutboxTestApplication.FlakySerializer.FAILING.set(false);
    }

    @Test
    void aFailedSendKeepsTheTokenAndTheEventIsPublishedOnceTheBrokerTakesItAgain() throws Exception {
        try (TopicReader topic = new TopicReader(TestBackends.kafkaBootstrapServers(), TOPIC)) {
            topic.drain(Duration.ofSeconds(1));
            int before = topic.drain(Duration.ZERO).size();
            OutboxTestApplication.FlakySerializer.FAILING.set(true);
            HousingOffered offered = offer("participant-failing", 1);
            events.publish(offered);

            assertThat(topic.drain(Duration.ofSeconds(4))).hasSize(before);
            assertThat(lag()).as("events stored but not published").isGreaterThanOrEqualTo(1);

            OutboxTestApplication.FlakySerializer.FAILING.set(false);
            List<ConsumerRecord<String, byte[]>> read = topic.readUntil(
                    records -> records.stream()
                            .anyMatch(r -> id(r).equals(offered.eventId().toString())),
                    Duration.ofSeconds(30));
            assertThat(read.stream().filter(r -> id(r).equals(offered.eventId().toString())))
                    .isNotEmpty()
                    .allMatch(r -> r.key().equals("participant-failing"));
            waitFor(() -> lag() == 0);
        }
    }

    @Test
    void eachParticipantsEventsArriveInTheOrderTheyWereStored() {
        Map<String, List<String>> stored = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String participant = "participant-order-" + (i % 4);
            HousingOffered offered = offer(participant, i);
            events.publish(offered);
            stored.computeIfAbsent(participant, p -> new ArrayList<>())
                    .add(offered.eventId().toString());
        }
        try (TopicReader topic = new TopicReader(TestBackends.kafkaBootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, byte[]>> read = topic.readUntil(
                    records -> records.stream()
                                    .filter(r -> r.key().startsWith("participant-order-"))
                                    .count()
                            >= 40,
                    Duration.ofSeconds(30));
            Map<String, List<String>> arrived = new LinkedHashMap<>();
            read.stream()
                    .filter(r -> r.key().startsWith("participant-order-"))
                    .forEach(r -> arrived.computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(id(r)));
            assertThat(arrived).isEqualTo(stored);
        }
    }

    private double lag() {
        return meters.get("outbox.publisher.lag").gauge().value();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("in time").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static String id(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value()).get("id").asString();
    }

    private static HousingOffered offer(String participant, int i) {
        return new HousingOffered(
                UUID.randomUUID(),
                participant,
                "outbox-test",
                MALMO,
                LocalDate.of(2026, 1, 1).plusDays(i),
                Instant.parse("2026-06-01T10:00:00Z").plusSeconds(i),
                UUID.randomUUID(),
                HousingType.SCATTERED_SITE,
                LandlordType.PRIVATE);
    }
}
