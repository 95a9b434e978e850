package org.housingfirst.support.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
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
import org.housingfirst.contracts.support.StaffRole;
import org.housingfirst.contracts.support.SupportDeclineReason;
import org.housingfirst.contracts.support.SupportDeclined;
import org.housingfirst.contracts.support.SupportEpisodeEnded;
import org.housingfirst.contracts.support.SupportEpisodeStarted;
import org.housingfirst.contracts.support.SupportModel;
import org.housingfirst.contracts.support.SupportOffered;
import org.housingfirst.contracts.support.SupportServiceType;
import org.housingfirst.domain.BusinessDates;
import org.housingfirst.domain.EpisodeId;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.domain.SupportOfferId;
import org.housingfirst.support.scoring.Scores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupportHistoryTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Instant NOW = TODAY.atTime(10, 0).atZone(ZONE).toInstant();
    private static final Municipality MALMO = new Municipality("SE", "1280", "SCB-2025");
    private static final String PARTICIPANT = "cj7cc5pwvhekolfwsqobydukerbztwrte2kdzrbg6ls3c4k4r2xq";
    private static final SupportHistoryId HISTORY = SupportHistoryId.of(MALMO, new ParticipantId(PARTICIPANT));
    private static final UUID EVENT = UUID.fromString("5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f");
    private static final UUID EPISODE = UUID.fromString("6a1f3c2e-9b8d-4e7f-a1b2-c3d4e5f6a7b8");
    private static final UUID OFFER = UUID.fromString("2b3c4d5e-6f70-4812-93a4-b5c6d7e8f901");
    private static final LocalDate ENROLLED = LocalDate.of(2026, 8, 15);

    private FixtureConfiguration<SupportHistory> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(SupportHistory.class);
        fixture.registerInjectableResource(new BusinessDates(Clock.fixed(NOW, ZONE), BusinessDates.DEFAULT_EARLIEST));
    }

    private static EventContext context() {
        return new EventContext(EVENT, new ParticipantId(PARTICIPANT), "malmo-bostad-forst", MALMO, NOW);
    }

    private static ParticipantEnrolled enrolled() {
        return new ParticipantEnrolled(
                EVENT,
                PARTICIPANT,
                "malmo-bostad-forst",
                MALMO,
                ENROLLED,
                NOW,
                "malmo-bostad-forst",
                ReferralSource.OUTREACH,
                HomelessnessSituation.SE_1_ACUTE,
                HomelessnessDuration.YEARS_2_TO_5,
                1981,
                null);
    }

    private static SupportEpisodeStarted episodeStarted() {
        return new SupportEpisodeStarted(
                EVENT,
                PARTICIPANT,
                "malmo-bostad-forst",
                MALMO,
                ENROLLED.plusDays(1),
                NOW,
                EPISODE,
                SupportModel.ICM,
                8);
    }

    private static SupportOffered offered() {
        return new SupportOffered(
                EVENT,
                PARTICIPANT,
                "malmo-bostad-forst",
                MALMO,
                ENROLLED.plusDays(2),
                NOW,
                EPISODE,
                OFFER,
                SupportServiceType.MENTAL_HEALTH);
    }

    @Test
    void declinesAnOfferAsANormalChoice() {
        LocalDate on = ENROLLED.plusDays(3);
        fixture.given(enrolled(), episodeStarted(), offered())
                .when(new DeclineSupport(
                        HISTORY,
                        context(),
                        new EpisodeId(EPISODE),
                        new SupportOfferId(OFFER),
                        on,
                        SupportDeclineReason.NOT_WANTED_NOW))
                .expectEvents(new SupportDeclined(
                        EVENT,
                        PARTICIPANT,
                        "malmo-bostad-forst",
                        MALMO,
                        on,
                        NOW,
                        EPISODE,
                        OFFER,
                        SupportDeclineReason.NOT_WANTED_NOW));
    }

    /** A snapshot (ADR 0007) holds every field of the aggregate: what is read back equals what was written. */
    @Test
    void aSnapshotReadsBackAsTheSameState() {
        fixture.given(enrolled(), episodeStarted(), offered())
                .when(new DeclineSupport(
                        HISTORY,
                        context(),
                        new EpisodeId(EPISODE),
                        new SupportOfferId(OFFER),
                        ENROLLED.plusDays(3),
                        SupportDeclineReason.NOT_WANTED_NOW))
                .expectState(history -> {
                    org.axonframework.serialization.Serializer snapshots =
                            org.housingfirst.outbox.eventstore.AggregateSnapshots.serializer();
                    var written = snapshots.serialize(history, byte[].class);
                    assertThat(written.getType().getRevision()).isEqualTo("1");
                    assertThat(new String(written.getData(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains(EPISODE.toString(), OFFER.toString(), "\"answered\":true");
                    SupportHistory read = snapshots.deserialize(written);
                    assertThat(read).usingRecursiveComparison().isEqualTo(history);
                });
    }

    @Test
    void rejectsAnswersToAnOfferAlreadyAnswered() {
        fixture.given(
                        enrolled(),
                        episodeStarted(),
                        offered(),
                        new SupportDeclined(
                                EVENT,
                                PARTICIPANT,
                                "malmo-bostad-forst",
                                MALMO,
                                ENROLLED.plusDays(3),
                                NOW,
                                EPISODE,
                                OFFER,
                                SupportDeclineReason.NOT_STATED))
                .when(new AcceptSupport(
                        HISTORY, context(), new EpisodeId(EPISODE), new SupportOfferId(OFFER), ENROLLED.plusDays(4)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the offer was already accepted or declined");
    }

    @Test
    void rejectsAContactAfterTheEpisodeEnded() {
        fixture.given(
                        enrolled(),
                        episodeStarted(),
                        new SupportEpisodeEnded(
                                EVENT,
                                PARTICIPANT,
                                "malmo-bostad-forst",
                                MALMO,
                                ENROLLED.plusDays(10),
                                NOW,
                                EPISODE,
                                EpisodeEndReason.NO_LONGER_NEEDED))
                .when(new RecordSupportContact(
                        HISTORY,
                        context(),
                        new EpisodeId(EPISODE),
                        UUID.randomUUID(),
                        ENROLLED.plusDays(11),
                        ContactMode.PHONE,
                        10,
                        StaffRole.NURSE,
                        false))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the episode has ended; nothing can follow its end");
    }

    @Test
    void rejectsAnEpisodeForSomeoneNotEnrolled() {
        fixture.givenNoPriorActivity()
                .when(new StartSupportEpisode(HISTORY, context(), new EpisodeId(EPISODE), TODAY, SupportModel.ACT, 12))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void recordsATimePointOncePerInstrumentButAdHocAssessmentsFreely() {
        Scores scores = new Scores(Map.of("satisfaction_mean", 4.5), 0, "mansa-1", null, null);
        QualityOfLifeAssessed baseline = new QualityOfLifeAssessed(
                EVENT,
                PARTICIPANT,
                "malmo-bostad-forst",
                MALMO,
                ENROLLED,
                NOW,
                UUID.randomUUID(),
                QualityOfLifeInstrument.MANSA,
                "v1",
                AssessmentTimepoint.BASELINE,
                "mansa-1",
                scores.values(),
                null,
                null,
                0);
        fixture.given(enrolled(), baseline)
                .when(new RecordQualityOfLife(
                        HISTORY,
                        context(),
                        UUID.randomUUID(),
                        TODAY,
                        QualityOfLifeInstrument.MANSA,
                        "v1",
                        AssessmentTimepoint.BASELINE,
                        scores))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("this instrument was already assessed at this time point");
        fixture.given(enrolled(), baseline)
                .when(new RecordQualityOfLife(
                        HISTORY,
                        context(),
                        UUID.randomUUID(),
                        TODAY,
                        QualityOfLifeInstrument.WHOQOL_BREF,
                        "v1",
                        AssessmentTimepoint.BASELINE,
                        new Scores(Map.of("physical_100", 50.0), 0, "whoqol-bref-1", null, null)))
                .expectSuccessfulHandlerExecution();
    }
}
