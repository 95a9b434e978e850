package org.housingfirst.outcomes.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.housingfirst.outcomes.TestEvents;

/**
 * A synthetic national history for the benchmark: about 100,000 participants in 10 Swedish and 10 Norwegian
 * municipalities, written to the topics as the producers' outbox writes CloudEvents.
 */
final class SyntheticHistory {

    static final String[][] MUNICIPALITIES = {
        {"SE", "0180"}, {"SE", "1280"}, {"SE", "1480"}, {"SE", "0380"}, {"SE", "1281"},
        {"SE", "0580"}, {"SE", "1880"}, {"SE", "2480"}, {"SE", "0680"}, {"SE", "1283"},
        {"NO", "0301"}, {"NO", "4601"}, {"NO", "5001"}, {"NO", "1103"}, {"NO", "4204"},
        {"NO", "3301"}, {"NO", "5501"}, {"NO", "1804"}, {"NO", "3403"}, {"NO", "3907"}
    };
    static final Instant RECORDED = Instant.parse("2026-07-01T08:00:00Z");

    private SyntheticHistory() {}

    /** Recorded on 1 July 2026, or on the business day itself when that comes later, as a producer would. */
    static Instant recordedFor(LocalDate on) {
        Instant sameDay = on.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
        return sameDay.isAfter(RECORDED) ? sameDay : RECORDED;
    }

    /**
     * Each participant: an enrolment, a national-statistics consent, a first tenancy (most first-hand), seven support
     * contacts; one in four tenancies ends (evictions, moves to permanent housing, rehousing within the programme with
     * a new tenancy, deaths). Stops at exactly {@code events} events.
     */
    static int produce(String bootstrap, String tenancyTopic, String supportTopic, int events) {
        Random random = new Random(42);
        int count = 0;
        int participant = 0;
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap, 20, 512 * 1024)) {
            while (count < events) {
                List<ContractEvent> history = participant(random, participant++);
                for (ContractEvent event : history) {
                    if (count++ == events) {
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

    static List<ContractEvent> participant(Random random, int index) {
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
                recordedFor(enrolled),
                "programme-" + (index % 3),
                ReferralSource.OUTREACH,
                HomelessnessSituation.SE_1_ACUTE,
                HomelessnessDuration.UNKNOWN,
                1950 + random.nextInt(55),
                Sex.values()[random.nextInt(Sex.values().length)]));
        events.add(new ConsentRecorded(
                UUID.randomUUID(),
                id,
                "org",
                municipality,
                enrolled,
                recordedFor(enrolled),
                ConsentPurpose.NATIONAL_STATISTICS));
        UUID tenancy = UUID.randomUUID();
        events.add(tenancy(municipality, id, tenancy, moveIn, random.nextInt(10) < 7));
        UUID episode = UUID.randomUUID();
        for (int c = 0; c < 7; c++) {
            LocalDate contacted = enrolled.plusDays(7L * c + random.nextInt(7));
            events.add(new SupportContactRecorded(
                    UUID.randomUUID(),
                    id,
                    "org",
                    municipality,
                    contacted,
                    recordedFor(contacted),
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
                    recordedFor(end),
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

    static TenancyStarted tenancy(
            Municipality municipality, String participant, UUID tenancy, LocalDate moveIn, boolean firstHand) {
        return new TenancyStarted(
                UUID.randomUUID(),
                participant,
                "org",
                municipality,
                moveIn,
                recordedFor(moveIn),
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
    static String pseudonym(int index) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            id.append((char) ('a' + index % 26));
            index /= 26;
        }
        return (id + "q".repeat(52)).substring(0, 52);
    }

    /** A producer of CloudEvents: {@code lingerMs} 0 sends each record at once. */
    static KafkaProducer<String, byte[]> producer(String bootstrap, int lingerMs, int batchBytes) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG,
                batchBytes));
    }

    static byte[] cloudEvent(ContractEvent event) {
        return TestEvents.cloudEvent(event);
    }
}
