package org.housingfirst.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.Contracts;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.ContactMode;
import org.housingfirst.contracts.support.EpisodeEndReason;
import org.housingfirst.contracts.support.HomelessnessDuration;
import org.housingfirst.contracts.support.HomelessnessSituation;
import org.housingfirst.contracts.support.ParticipantEnrolled;
import org.housingfirst.contracts.support.QualityOfLifeAssessed;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.contracts.support.ReferralSource;
import org.housingfirst.contracts.support.Sex;
import org.housingfirst.contracts.support.StaffRole;
import org.housingfirst.contracts.support.SupportContactRecorded;
import org.housingfirst.contracts.support.SupportDeclineReason;
import org.housingfirst.contracts.support.SupportDeclined;
import org.housingfirst.contracts.support.SupportEpisodeEnded;
import org.housingfirst.contracts.support.SupportEpisodeStarted;
import org.housingfirst.contracts.support.SupportEvents;
import org.housingfirst.contracts.support.SupportModel;
import org.housingfirst.contracts.support.SupportOffered;
import org.housingfirst.contracts.support.SupportServiceType;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.contracts.tenancy.TenancyContractConverted;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.TestBackends;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.node.ObjectNode;

/** Contract events as the producers publish them, for outcomes-service's integration tests. */
public final class TestEvents {

    static final Instant RECORDED = Instant.parse("2026-06-30T12:00:00Z");

    private TestEvents() {}

    /** When a producer records a fact dated {@code on}: at {@link #RECORDED}, or that day when it comes later. */
    static Instant recordedFor(LocalDate on) {
        Instant sameDay = on.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return sameDay.isAfter(RECORDED) ? sameDay : RECORDED;
    }

    /** Publishes the events on their topics and waits until every one is stored. */
    static void publishAll(JdbcClient jdbc, List<ContractEvent> events) {
        publishAll(jdbc, events, "");
    }

    /** Publishes the events on their topics under a test's own prefix and waits until every one is stored. */
    static void publishAll(JdbcClient jdbc, List<ContractEvent> events, String prefix) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            events.forEach(e -> send(producer, e, prefix));
        }
        UUID[] ids = events.stream().map(ContractEvent::eventId).distinct().toArray(UUID[]::new);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.sql("SELECT count(*) FROM event_log WHERE event_id = ANY(?)")
                        .param(ids)
                        .query(Long.class)
                        .single()
                < ids.length) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("events not stored in time");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Makes the service consume the producers' topics under a test's own prefix ({@link TestBackends#ownTopics}), for
     * a test whose national figures must hold its own population alone, whatever the module's other tests published.
     */
    static void consumeOwnTopics(DynamicPropertyRegistry registry, String prefix) {
        registry.add("platform.consumption.topics", () -> String.join(",", TestBackends.ownTopics(prefix)));
    }

    /** A distinct, well-formed pseudonym per municipality and participant: digits become letters a to j. */
    static String pseudonym(Municipality municipality, int i) {
        StringBuilder base = new StringBuilder("p");
        for (char digit : (municipality.code() + String.format("%02d", i)).toCharArray()) {
            base.append((char) ('a' + (digit - '0')));
        }
        return (base + "z".repeat(52)).substring(0, 52);
    }

    static TenancyStarted started(Municipality m, String participant, UUID tenancy, String moveIn) {
        return started(m, participant, tenancy, moveIn, ContractType.FIRST_HAND_LEASE);
    }

    static TenancyStarted started(
            Municipality m, String participant, UUID tenancy, String moveIn, ContractType contract) {
        return new TenancyStarted(
                UUID.randomUUID(),
                participant,
                "org",
                m,
                LocalDate.parse(moveIn),
                recordedFor(LocalDate.parse(moveIn)),
                tenancy,
                null,
                contract,
                SecurityOfTenure.FULL,
                LeaseHolder.PARTICIPANT,
                HousingType.SCATTERED_SITE,
                LandlordType.PUBLIC_HOUSING,
                false,
                null);
    }

    static TenancyEnded ended(Municipality m, String participant, UUID tenancy, String end, EndReason reason) {
        return new TenancyEnded(
                UUID.randomUUID(),
                participant,
                "org",
                m,
                LocalDate.parse(end),
                recordedFor(LocalDate.parse(end)),
                tenancy,
                reason,
                reason == EndReason.DECEASED ? DestinationCategory.DECEASED : DestinationCategory.UNKNOWN,
                EndInitiatedBy.PROGRAMME);
    }

    /** An enrolment, recorded as {@link #recordedFor} says: born 1980, sex not stated. */
    static ParticipantEnrolled enrolled(Municipality m, String participant, LocalDate on) {
        return enrolled(m, participant, on, null);
    }

    /** An enrolment, recorded as {@link #recordedFor} says, born 1980, with the sex the participant stated (or null). */
    static ParticipantEnrolled enrolled(Municipality m, String participant, LocalDate on, Sex sex) {
        return enrolled(m, participant, on, recordedFor(on), 1980, sex);
    }

    /** An enrolment from outreach, acute homelessness of unknown duration, recorded when given. */
    static ParticipantEnrolled enrolled(
            Municipality m, String participant, LocalDate on, Instant recorded, Integer birthYear, Sex sex) {
        return enrolled(m, participant, on, recorded, birthYear, sex, HomelessnessSituation.SE_1_ACUTE);
    }

    /** An enrolment from outreach in the given homelessness situation, of unknown duration, recorded when given. */
    static ParticipantEnrolled enrolled(
            Municipality m,
            String participant,
            LocalDate on,
            Instant recorded,
            Integer birthYear,
            Sex sex,
            HomelessnessSituation situation) {
        return new ParticipantEnrolled(
                UUID.randomUUID(),
                participant,
                "org",
                m,
                on,
                recorded,
                "programme",
                ReferralSource.OUTREACH,
                situation,
                HomelessnessDuration.UNKNOWN,
                birthYear,
                sex);
    }

    static SupportEpisodeStarted episode(Municipality m, String participant, UUID episode, String on) {
        return new SupportEpisodeStarted(
                UUID.randomUUID(),
                participant,
                "org",
                m,
                LocalDate.parse(on),
                recordedFor(LocalDate.parse(on)),
                episode,
                SupportModel.ICM,
                8);
    }

    static SupportEpisodeEnded episodeEnded(Municipality m, String participant, UUID episode, String on) {
        LocalDate day = LocalDate.parse(on);
        return new SupportEpisodeEnded(
                UUID.randomUUID(),
                participant,
                "org",
                m,
                day,
                recordedFor(day),
                episode,
                EpisodeEndReason.NO_LONGER_NEEDED);
    }

    /** A conversion of a tenancy's contract to the participant's own first-hand lease. */
    static TenancyContractConverted converted(
            Municipality m, String participant, UUID tenancy, String on, ContractType from) {
        LocalDate day = LocalDate.parse(on);
        return new TenancyContractConverted(
                UUID.randomUUID(),
                participant,
                "org",
                m,
                day,
                recordedFor(day),
                tenancy,
                from,
                ContractType.FIRST_HAND_LEASE,
                SecurityOfTenure.FULL,
                LeaseHolder.PARTICIPANT);
    }

    static SupportContactRecorded contact(Municipality m, String participant, UUID episode, String on, boolean missed) {
        return new SupportContactRecorded(
                UUID.randomUUID(),
                participant,
                "org",
                m,
                LocalDate.parse(on),
                recordedFor(LocalDate.parse(on)),
                episode,
                UUID.randomUUID(),
                ContactMode.HOME_VISIT,
                missed ? 0 : 30,
                StaffRole.SOCIAL_WORKER,
                missed);
    }

    static SupportOffered offer(Municipality m, String participant, UUID episode, UUID offer, String on) {
        return new SupportOffered(
                UUID.randomUUID(),
                participant,
                "org",
                m,
                LocalDate.parse(on),
                recordedFor(LocalDate.parse(on)),
                episode,
                offer,
                SupportServiceType.MENTAL_HEALTH);
    }

    static SupportDeclined decline(Municipality m, String participant, UUID episode, UUID offer, String on) {
        return new SupportDeclined(
                UUID.randomUUID(),
                participant,
                "org",
                m,
                LocalDate.parse(on),
                recordedFor(LocalDate.parse(on)),
                episode,
                offer,
                SupportDeclineReason.NOT_WANTED_NOW);
    }

    /** A WHOQOL-BREF assessment with the given scores, none of its items missing. */
    static QualityOfLifeAssessed assessed(
            Municipality m,
            String participant,
            LocalDate on,
            String version,
            AssessmentTimepoint timepoint,
            Map<String, Double> scores) {
        return new QualityOfLifeAssessed(
                UUID.randomUUID(),
                participant,
                "org",
                m,
                on,
                recordedFor(on),
                UUID.randomUUID(),
                QualityOfLifeInstrument.WHOQOL_BREF,
                version,
                timepoint,
                "whoqol-bref-1",
                scores,
                null,
                null,
                0);
    }

    static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBackends.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Sends the event to its producer's topic, as the producers' outbox does. */
    static void send(KafkaProducer<String, byte[]> producer, ContractEvent event) {
        send(producer, event, "");
    }

    /** Sends the event to its producer's topic under a test's own prefix ({@link TestBackends#ownTopics}). */
    static void send(KafkaProducer<String, byte[]> producer, ContractEvent event, String prefix) {
        producer.send(new ProducerRecord<>(prefix + topicOf(event), event.partitionKey(), cloudEvent(event)));
    }

    static String topicOf(ContractEvent event) {
        return Contracts.context(event.getClass()).equals("tenancy") ? TenancyEvents.TOPIC : SupportEvents.TOPIC;
    }

    /** The CloudEvent as the producers' outbox writes it (structured mode). */
    public static byte[] cloudEvent(ContractEvent event) {
        return Api.JSON.writeValueAsBytes(cloudEventNode(event));
    }

    /** The same, as a tree a test can spoil before sending. */
    public static ObjectNode cloudEventNode(ContractEvent event) {
        ObjectNode cloudEvent = Api.JSON.createObjectNode();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("id", event.eventId().toString());
        cloudEvent.put("source", "urn:test");
        cloudEvent.put("type", Contracts.cloudEventType(event.getClass()));
        cloudEvent.put("time", event.recordedAt().toString());
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("dataschema", Contracts.schemaId(event.getClass()));
        cloudEvent.put("partitionkey", event.partitionKey());
        cloudEvent.set("data", Api.JSON.valueToTree(event));
        return cloudEvent;
    }
}
