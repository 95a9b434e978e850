package org.housingfirst.support.support;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.housingfirst.domain.RuleViolation.notBefore;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.housingfirst.contracts.ParticipantEvent;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.ConsentPurpose;
import org.housingfirst.contracts.support.ConsentRecorded;
import org.housingfirst.contracts.support.ConsentWithdrawn;
import org.housingfirst.contracts.support.ParticipantEnrolled;
import org.housingfirst.contracts.support.ParticipantExited;
import org.housingfirst.contracts.support.QualityOfLifeAssessed;
import org.housingfirst.contracts.support.SupportAccepted;
import org.housingfirst.contracts.support.SupportContactRecorded;
import org.housingfirst.contracts.support.SupportDeclined;
import org.housingfirst.contracts.support.SupportEpisodeEnded;
import org.housingfirst.contracts.support.SupportEpisodeStarted;
import org.housingfirst.contracts.support.SupportIntensityChanged;
import org.housingfirst.contracts.support.SupportModel;
import org.housingfirst.contracts.support.SupportOffered;
import org.housingfirst.domain.BusinessDates;
import org.housingfirst.domain.EpisodeId;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.domain.SupportOfferId;

/**
 * One participant's support in one municipality. Support follows the person: episodes need an enrolment but no
 * tenancy, and go on through a lost tenancy. Offers are answered once, nothing follows an episode's end, an
 * assessment time point is recorded once per instrument (ad hoc assessments excepted), and business dates are checked
 * against the injected {@link BusinessDates}.
 */
@Aggregate(snapshotTriggerDefinition = "eventCountSnapshots")
@Revision("1") // the shape of the fields a snapshot holds: raise it when they change (ADR 0007)
class SupportHistory {

    @AggregateIdentifier
    private SupportHistoryId id;

    private Map<String, LocalDate> activeEnrolments = new HashMap<>();
    private boolean everEnrolled;
    private Set<ConsentPurpose> consents = new HashSet<>();
    /** The day the participant withdrew consent to the service, while it stays withdrawn; null otherwise. */
    private LocalDate serviceWithdrawnOn;

    private Map<UUID, Episode> episodes = new HashMap<>();
    private Set<String> assessedTimepoints = new HashSet<>();
    private Set<UUID> assessments = new HashSet<>();

    SupportHistory() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EnrolParticipant command, BusinessDates dates) {
        dates.check(command.enrolledOn(), "enrolledOn");
        if (activeEnrolments.containsKey(command.programmeId())) {
            throw RuleViolation.conflict("programmeId", "the participant is already enrolled in this programme");
        }
        if (command.birthYear() > command.enrolledOn().getYear()) {
            throw RuleViolation.invalid("birthYear", "must not be after the enrolment year");
        }
        EventContext c = command.context();
        apply(new ParticipantEnrolled(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.enrolledOn(),
                c.recordedAt(),
                command.programmeId(),
                command.referralSource(),
                command.homelessnessSituation(),
                command.homelessnessDuration(),
                command.birthYear(),
                command.sex()));
    }

    @CommandHandler
    void handle(RecordConsent command, BusinessDates dates) {
        dates.check(command.givenOn(), "date");
        if (consents.contains(command.purpose())) {
            throw RuleViolation.conflict("purpose", "consent for this purpose is already recorded");
        }
        EventContext c = command.context();
        apply(new ConsentRecorded(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.givenOn(),
                c.recordedAt(),
                command.purpose()));
    }

    @CommandHandler
    void handle(WithdrawConsent command, BusinessDates dates) {
        dates.check(command.withdrawnOn(), "date");
        if (!consents.contains(command.purpose())) {
            throw RuleViolation.conflict("purpose", "no consent for this purpose is recorded");
        }
        EventContext c = command.context();
        apply(new ConsentWithdrawn(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.withdrawnOn(),
                c.recordedAt(),
                command.purpose()));
    }

    @CommandHandler
    void handle(ExitParticipant command, BusinessDates dates) {
        dates.check(command.exitedOn(), "exitedOn");
        LocalDate enrolledOn = activeEnrolments.get(command.programmeId());
        if (enrolledOn == null) {
            throw RuleViolation.conflict("programmeId", "the participant is not enrolled in this programme");
        }
        notBefore(command.exitedOn(), enrolledOn, "exitedOn", "the enrolment date");
        EventContext c = command.context();
        apply(new ParticipantExited(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.exitedOn(),
                c.recordedAt(),
                command.programmeId(),
                command.exitReason(),
                command.destinationCategory()));
    }

    @CommandHandler
    void handle(StartSupportEpisode command, BusinessDates dates) {
        dates.check(command.startedOn(), "startedOn");
        serviceConsented(command.startedOn(), "startedOn");
        if (activeEnrolments.isEmpty()) {
            throw RuleViolation.conflict("participantId", "the participant is not enrolled in a programme");
        }
        if (episodes.containsKey(command.episodeId().value())) {
            throw RuleViolation.conflict("episodeId", "an episode with this id already exists");
        }
        LocalDate firstEnrolment =
                activeEnrolments.values().stream().min(LocalDate::compareTo).orElseThrow();
        notBefore(command.startedOn(), firstEnrolment, "startedOn", "the enrolment date");
        EventContext c = command.context();
        apply(new SupportEpisodeStarted(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.startedOn(),
                c.recordedAt(),
                command.episodeId().value(),
                command.model(),
                command.plannedContactsPerMonth()));
    }

    @CommandHandler
    void handle(OfferSupport command, BusinessDates dates) {
        dates.check(command.offeredOn(), "offeredOn");
        serviceConsented(command.offeredOn(), "offeredOn");
        Episode episode = openEpisode(command.episodeId());
        notBefore(command.offeredOn(), episode.startedOn, "offeredOn", "the start of the episode");
        if (episode.offers.containsKey(command.offerId().value())) {
            throw RuleViolation.conflict("offerId", "an offer with this id already exists");
        }
        EventContext c = command.context();
        apply(new SupportOffered(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.offeredOn(),
                c.recordedAt(),
                command.episodeId().value(),
                command.offerId().value(),
                command.serviceType()));
    }

    @CommandHandler
    void handle(AcceptSupport command, BusinessDates dates) {
        dates.check(command.acceptedOn(), "acceptedOn");
        serviceConsented(command.acceptedOn(), "acceptedOn");
        LocalDate offeredOn = openOffer(command.episodeId(), command.offerId());
        notBefore(command.acceptedOn(), offeredOn, "acceptedOn", "the offer date");
        EventContext c = command.context();
        apply(new SupportAccepted(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.acceptedOn(),
                c.recordedAt(),
                command.episodeId().value(),
                command.offerId().value()));
    }

    @CommandHandler
    void handle(DeclineSupport command, BusinessDates dates) {
        dates.check(command.declinedOn(), "declinedOn");
        LocalDate offeredOn = openOffer(command.episodeId(), command.offerId());
        notBefore(command.declinedOn(), offeredOn, "declinedOn", "the offer date");
        EventContext c = command.context();
        apply(new SupportDeclined(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.declinedOn(),
                c.recordedAt(),
                command.episodeId().value(),
                command.offerId().value(),
                command.reason()));
    }

    @CommandHandler
    void handle(RecordSupportContact command, BusinessDates dates) {
        dates.check(command.contactedOn(), "contactedOn");
        serviceConsented(command.contactedOn(), "contactedOn");
        Episode episode = openEpisode(command.episodeId());
        notBefore(command.contactedOn(), episode.startedOn, "contactedOn", "the start of the episode");
        if (command.missed() && command.durationMinutes() != 0) {
            throw RuleViolation.invalid("durationMinutes", "must be 0 for a missed contact");
        }
        EventContext c = command.context();
        apply(new SupportContactRecorded(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.contactedOn(),
                c.recordedAt(),
                command.episodeId().value(),
                command.contactId(),
                command.mode(),
                command.durationMinutes(),
                command.staffRole(),
                command.missed()));
    }

    @CommandHandler
    void handle(ChangeSupportIntensity command, BusinessDates dates) {
        dates.check(command.changedOn(), "changedOn");
        serviceConsented(command.changedOn(), "changedOn");
        Episode episode = openEpisode(command.episodeId());
        notBefore(command.changedOn(), episode.latestDate, "changedOn", "the episode's latest recorded date");
        if (episode.model == command.toModel()
                && episode.plannedContactsPerMonth == command.plannedContactsPerMonth()) {
            throw RuleViolation.invalid("toModel", "the episode already has this model and frequency");
        }
        EventContext c = command.context();
        apply(new SupportIntensityChanged(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.changedOn(),
                c.recordedAt(),
                command.episodeId().value(),
                episode.model,
                command.toModel(),
                command.plannedContactsPerMonth()));
    }

    @CommandHandler
    void handle(EndSupportEpisode command, BusinessDates dates) {
        dates.check(command.endedOn(), "endedOn");
        Episode episode = openEpisode(command.episodeId());
        notBefore(command.endedOn(), episode.latestDate, "endedOn", "the episode's latest recorded date");
        EventContext c = command.context();
        apply(new SupportEpisodeEnded(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.endedOn(),
                c.recordedAt(),
                command.episodeId().value(),
                command.reason()));
    }

    @CommandHandler
    void handle(RecordQualityOfLife command, BusinessDates dates) {
        dates.check(command.assessedOn(), "assessedOn");
        serviceConsented(command.assessedOn(), "assessedOn");
        if (!everEnrolled) {
            throw RuleViolation.conflict("participantId", "the participant has never been enrolled");
        }
        if (assessments.contains(command.assessmentId())) {
            throw RuleViolation.conflict("assessmentId", "an assessment with this id already exists");
        }
        if (command.timepoint() != AssessmentTimepoint.AD_HOC
                && assessedTimepoints.contains(timepointKey(command.instrument().name(), command.timepoint()))) {
            throw RuleViolation.conflict("timepoint", "this instrument was already assessed at this time point");
        }
        EventContext c = command.context();
        apply(new QualityOfLifeAssessed(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.assessedOn(),
                c.recordedAt(),
                command.assessmentId(),
                command.instrument(),
                command.instrumentVersion(),
                command.timepoint(),
                command.scores().scoringVersion(),
                command.scores().values(),
                command.scores().healthProfile(),
                command.scores().valueSetId(),
                command.scores().missingItems()));
    }

    private Episode openEpisode(EpisodeId episodeId) {
        Episode episode = episodes.get(episodeId.value());
        if (episode == null) {
            throw RuleViolation.unknown("episodeId", "no such support episode");
        }
        if (episode.ended) {
            throw RuleViolation.conflict("episodeId", "the episode has ended; nothing can follow its end");
        }
        return episode;
    }

    private LocalDate openOffer(EpisodeId episodeId, SupportOfferId offerId) {
        Episode episode = openEpisode(episodeId);
        Offer offer = episode.offers.get(offerId.value());
        if (offer == null) {
            throw RuleViolation.unknown("offerId", "no such offer in this episode");
        }
        if (offer.answered) {
            throw RuleViolation.conflict("offerId", "the offer was already accepted or declined");
        }
        return offer.offeredOn;
    }

    private static String timepointKey(String instrument, AssessmentTimepoint timepoint) {
        return instrument + "@" + timepoint;
    }

    /**
     * After the participant withdrew consent to the service, nothing new of the service is recorded from that day on
     * (episodes, offers, acceptances, contacts, intensity changes, assessments) until consent is recorded again; what
     * ends or declines something, exits and consents are still recorded.
     */
    private void serviceConsented(LocalDate date, String field) {
        if (serviceWithdrawnOn != null && !date.isBefore(serviceWithdrawnOn)) {
            throw RuleViolation.conflict(
                    field,
                    "the participant withdrew consent to the service on " + serviceWithdrawnOn
                            + "; record their consent again first");
        }
    }

    @EventSourcingHandler
    void on(ParticipantEnrolled event) {
        identify(event);
        activeEnrolments.put(event.programmeId(), event.occurredOn());
        everEnrolled = true;
    }

    @EventSourcingHandler
    void on(ConsentRecorded event) {
        consents.add(event.purpose());
        if (event.purpose() == ConsentPurpose.SERVICE) {
            serviceWithdrawnOn = null;
        }
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.purpose());
        if (event.purpose() == ConsentPurpose.SERVICE) {
            serviceWithdrawnOn = event.occurredOn();
        }
    }

    @EventSourcingHandler
    void on(ParticipantExited event) {
        activeEnrolments.remove(event.programmeId());
    }

    @EventSourcingHandler
    void on(SupportEpisodeStarted event) {
        episodes.put(
                event.episodeId(), new Episode(event.occurredOn(), event.model(), event.plannedContactsPerMonth()));
    }

    @EventSourcingHandler
    void on(SupportOffered event) {
        Episode episode = episodes.get(event.episodeId());
        episode.offers.put(event.offerId(), new Offer(event.occurredOn()));
        episode.seen(event.occurredOn());
    }

    @EventSourcingHandler
    void on(SupportAccepted event) {
        answer(new EpisodeId(event.episodeId()), new SupportOfferId(event.offerId()), event.occurredOn());
    }

    @EventSourcingHandler
    void on(SupportDeclined event) {
        answer(new EpisodeId(event.episodeId()), new SupportOfferId(event.offerId()), event.occurredOn());
    }

    @EventSourcingHandler
    void on(SupportContactRecorded event) {
        episodes.get(event.episodeId()).seen(event.occurredOn());
    }

    @EventSourcingHandler
    void on(SupportIntensityChanged event) {
        Episode episode = episodes.get(event.episodeId());
        episode.model = event.toModel();
        episode.plannedContactsPerMonth = event.plannedContactsPerMonth();
        episode.seen(event.occurredOn());
    }

    @EventSourcingHandler
    void on(SupportEpisodeEnded event) {
        episodes.get(event.episodeId()).ended = true;
    }

    @EventSourcingHandler
    void on(QualityOfLifeAssessed event) {
        assessments.add(event.assessmentId());
        assessedTimepoints.add(timepointKey(event.instrument().name(), event.timepoint()));
    }

    private void answer(EpisodeId episodeId, SupportOfferId offerId, LocalDate on) {
        Episode episode = episodes.get(episodeId.value());
        episode.offers.get(offerId.value()).answered = true;
        episode.seen(on);
    }

    private void identify(ParticipantEvent event) {
        if (id == null) {
            id = SupportHistoryId.of(event.municipality(), new ParticipantId(event.participantId()));
        }
    }

    private static final class Offer {
        private LocalDate offeredOn;
        private boolean answered;

        /** For the snapshot serializer, which sets the fields. */
        private Offer() {}

        private Offer(LocalDate offeredOn) {
            this.offeredOn = offeredOn;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Offer that && offeredOn.equals(that.offeredOn) && answered == that.answered;
        }

        @Override
        public int hashCode() {
            return Objects.hash(offeredOn, answered);
        }
    }

    private static final class Episode {
        private LocalDate startedOn;
        private SupportModel model;
        private int plannedContactsPerMonth;
        private LocalDate latestDate;
        private boolean ended;
        private Map<UUID, Offer> offers = new HashMap<>();

        /** For the snapshot serializer, which sets the fields. */
        private Episode() {}

        private Episode(LocalDate startedOn, SupportModel model, int plannedContactsPerMonth) {
            this.startedOn = startedOn;
            this.model = model;
            this.plannedContactsPerMonth = plannedContactsPerMonth;
            this.latestDate = startedOn;
        }

        private void seen(LocalDate date) {
            if (date.isAfter(latestDate)) {
                latestDate = date;
            }
        }

        /** Value equality, so Axon's test fixture can check that sourcing rebuilds the same state. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Episode that
                    && startedOn.equals(that.startedOn)
                    && model == that.model
                    && plannedContactsPerMonth == that.plannedContactsPerMonth
                    && latestDate.equals(that.latestDate)
                    && ended == that.ended
                    && offers.equals(that.offers);
        }

        @Override
        public int hashCode() {
            return Objects.hash(startedOn, model, plannedContactsPerMonth, latestDate, ended);
        }
    }
}
