package org.housingfirst.tenancy.tenancy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
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
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.HousingOfferDeclined;
import org.housingfirst.contracts.tenancy.HousingOffered;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.contracts.tenancy.TemporaryAbsenceEnded;
import org.housingfirst.contracts.tenancy.TemporaryAbsenceStarted;
import org.housingfirst.contracts.tenancy.TenancyAtRisk;
import org.housingfirst.contracts.tenancy.TenancyContractConverted;
import org.housingfirst.contracts.tenancy.TenancyCorrected;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.contracts.tenancy.TenancySustained;
import org.housingfirst.domain.AbsenceId;
import org.housingfirst.domain.BusinessDates;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.HousingOfferId;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.domain.TenancyId;
import org.housingfirst.domain.UuidId;

/**
 * One participant's housing history in one municipality. It holds the rules that span tenancies: one active tenancy at
 * a time, sequential tenancies for rehousing, offers that are answered once. Dates are checked against the injected
 * {@link BusinessDates}; the aggregate never reads the time itself.
 */
@Aggregate(snapshotTriggerDefinition = "eventCountSnapshots")
@Revision("2") // the shape of the fields a snapshot holds: raise it when they change (ADR 0007)
class HousingHistory {

    @AggregateIdentifier
    private HousingHistoryId id;

    private ParticipantId participantId;
    private Municipality municipality;
    private Map<UUID, Offer> offers = new HashMap<>();
    private Map<UUID, Tenancy> tenancies = new HashMap<>();
    private TenancyId activeTenancyId;

    HousingHistory() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OfferHousing command, BusinessDates dates) {
        dates.check(command.offeredOn(), "offeredOn");
        if (offers.containsKey(command.offerId().value())) {
            throw RuleViolation.conflict("offerId", "an offer with this id already exists");
        }
        EventContext c = command.context();
        apply(new HousingOffered(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.offeredOn(),
                c.recordedAt(),
                command.offerId().value(),
                command.housingType(),
                command.landlordType()));
    }

    @CommandHandler
    void handle(DeclineHousingOffer command, BusinessDates dates) {
        dates.check(command.declinedOn(), "declinedOn");
        Offer offer = openOffer(command.offerId(), "offerId");
        RuleViolation.notBefore(command.declinedOn(), offer.offeredOn, "declinedOn", "the offer date");
        EventContext c = command.context();
        apply(new HousingOfferDeclined(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.declinedOn(),
                c.recordedAt(),
                command.offerId().value(),
                command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartTenancy command, BusinessDates dates) {
        LocalDate today = dates.check(command.moveInDate(), "moveInDate");
        if (tenancies.containsKey(command.tenancyId().value())) {
            throw RuleViolation.conflict("tenancyId", "a tenancy with this id already exists");
        }
        if (activeTenancyId != null) {
            throw RuleViolation.conflict(
                    "participant", "the participant already has an active tenancy; end it before starting another");
        }
        LocalDate lastEndDate = tenancies.values().stream()
                .map(t -> t.endDate)
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElse(null);
        if (lastEndDate != null) {
            RuleViolation.notBefore(command.moveInDate(), lastEndDate, "moveInDate", "the end of the previous tenancy");
        }
        if (command.offerId() != null) {
            Offer offer = openOffer(command.offerId(), "offerId");
            RuleViolation.notBefore(command.moveInDate(), offer.offeredOn, "moveInDate", "the offer date");
        }
        if (command.previousTenancyId() != null) {
            Tenancy previous = tenancies.get(command.previousTenancyId().value());
            if (previous == null) {
                throw RuleViolation.unknown("previousTenancyId", "no such tenancy for this participant");
            }
            if (!command.rehousing()) {
                throw RuleViolation.invalid("rehousing", "must be true when previousTenancyId is given");
            }
        }
        EventContext c = command.context();
        apply(new TenancyStarted(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.moveInDate(),
                c.recordedAt(),
                command.tenancyId().value(),
                UuidId.valueOf(command.offerId()),
                command.contractType(),
                command.securityOfTenure(),
                command.leaseHolder(),
                command.housingType(),
                command.landlordType(),
                command.rehousing(),
                UuidId.valueOf(command.previousTenancyId())));
        sustainDueMilestones(command.tenancyId(), today, c.recordedAt());
    }

    @CommandHandler
    void handle(ConvertTenancyContract command, BusinessDates dates) {
        dates.check(command.convertedOn(), "convertedOn");
        Tenancy tenancy = activeTenancy(command.tenancyId());
        RuleViolation.notBefore(
                command.convertedOn(), tenancy.latestDate, "convertedOn", "the tenancy's latest recorded date");
        if (tenancy.contractType == command.toContractType()) {
            throw RuleViolation.invalid("toContractType", "is already the tenancy's contract type");
        }
        EventContext c = command.context();
        apply(new TenancyContractConverted(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.convertedOn(),
                c.recordedAt(),
                command.tenancyId().value(),
                tenancy.contractType,
                command.toContractType(),
                command.securityOfTenure(),
                command.leaseHolder()));
    }

    @CommandHandler
    void handle(RegisterTenancyRisk command, BusinessDates dates) {
        dates.check(command.registeredOn(), "registeredOn");
        Tenancy tenancy = activeTenancy(command.tenancyId());
        RuleViolation.notBefore(command.registeredOn(), tenancy.moveIn, "registeredOn", "the move-in date");
        EventContext c = command.context();
        apply(new TenancyAtRisk(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.registeredOn(),
                c.recordedAt(),
                command.tenancyId().value(),
                command.riskType()));
    }

    @CommandHandler
    void handle(StartTemporaryAbsence command, BusinessDates dates) {
        dates.check(command.startedOn(), "startedOn");
        Tenancy tenancy = activeTenancy(command.tenancyId());
        if (tenancy.openAbsenceId != null) {
            throw RuleViolation.conflict("startedOn", "an absence is already open for this tenancy");
        }
        if (tenancy.absenceIds.contains(command.absenceId())) {
            throw RuleViolation.conflict("absenceId", "an absence with this id already exists");
        }
        RuleViolation.notBefore(command.startedOn(), tenancy.moveIn, "startedOn", "the move-in date");
        if (tenancy.lastAbsenceEnd != null) {
            RuleViolation.notBefore(
                    command.startedOn(), tenancy.lastAbsenceEnd, "startedOn", "the end of the previous absence");
        }
        EventContext c = command.context();
        apply(new TemporaryAbsenceStarted(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.startedOn(),
                c.recordedAt(),
                command.tenancyId().value(),
                command.absenceId().value(),
                command.absenceType()));
    }

    @CommandHandler
    void handle(EndTemporaryAbsence command, BusinessDates dates) {
        dates.check(command.endedOn(), "endedOn");
        Tenancy tenancy = activeTenancy(command.tenancyId());
        if (!command.absenceId().equals(tenancy.openAbsenceId)) {
            throw RuleViolation.unknown("absenceId", "no open absence with this id in the tenancy");
        }
        RuleViolation.notBefore(command.endedOn(), tenancy.openAbsenceSince, "endedOn", "the start of the absence");
        EventContext c = command.context();
        apply(new TemporaryAbsenceEnded(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.endedOn(),
                c.recordedAt(),
                command.tenancyId().value(),
                command.absenceId().value()));
    }

    @CommandHandler
    void handle(EndTenancy command, BusinessDates dates) {
        dates.check(command.endDate(), "endDate");
        Tenancy tenancy = activeTenancy(command.tenancyId());
        RuleViolation.notBefore(command.endDate(), tenancy.latestDate, "endDate", "the tenancy's latest recorded date");
        EventContext c = command.context();
        apply(new TenancyEnded(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.endDate(),
                c.recordedAt(),
                command.tenancyId().value(),
                command.endReason(),
                command.destinationCategory(),
                command.initiatedBy()));
    }

    /**
     * A correction restates the tenancy's start facts, and its end once it has ended, keeping the history's order:
     * tenancies one after another, every later fact of the tenancy (risk, absence, conversion) between its move-in
     * and its end. A tenancy whose contract was converted is not corrected: the correction would restate its contract
     * history. Milestones already reported stay; those due under the corrected move-in date follow at once.
     */
    @CommandHandler
    void handle(CorrectTenancy command, BusinessDates dates) {
        LocalDate today = dates.check(command.moveInDate(), "moveInDate");
        CorrectTenancy.End end = command.end();
        if (end != null) {
            dates.check(end.endDate(), "end.endDate");
        }
        Tenancy tenancy = tenancies.get(command.tenancyId().value());
        if (tenancy == null) {
            throw RuleViolation.unknown("tenancyId", "no such tenancy");
        }
        if (tenancy.converted) {
            throw RuleViolation.conflict(
                    "tenancyId", "its contract was converted; a correction would restate the contract history");
        }
        if (tenancy.ended && end == null) {
            throw RuleViolation.invalid("end", "required: the tenancy has ended");
        }
        if (!tenancy.ended && end != null) {
            throw RuleViolation.conflict("end", "the tenancy has not ended; end it instead");
        }
        if (tenancy.earliestLaterDate != null && command.moveInDate().isAfter(tenancy.earliestLaterDate)) {
            throw RuleViolation.invalid(
                    "moveInDate",
                    "must not be after the tenancy's earliest recorded risk, absence or conversion ("
                            + tenancy.earliestLaterDate + ")");
        }
        if (end != null) {
            RuleViolation.notBefore(end.endDate(), command.moveInDate(), "end.endDate", "the move-in date");
            if (tenancy.earliestLaterDate != null) {
                RuleViolation.notBefore(
                        end.endDate(), tenancy.latestDate, "end.endDate", "the tenancy's latest recorded date");
            }
        }
        for (Map.Entry<UUID, Tenancy> other : tenancies.entrySet()) {
            Tenancy o = other.getValue();
            if (other.getKey().equals(command.tenancyId().value())) {
                continue;
            }
            if (o.moveIn.isBefore(tenancy.moveIn)) {
                if (o.endDate == null) {
                    continue; // recorded before tenancies were sequential; nothing to keep in order
                }
                RuleViolation.notBefore(
                        command.moveInDate(), o.endDate, "moveInDate", "the end of the previous tenancy");
            } else if (end != null && end.endDate().isAfter(o.moveIn)) {
                throw RuleViolation.invalid(
                        "end.endDate", "must not be after the next tenancy's move-in date (" + o.moveIn + ")");
            }
        }
        if (tenancy.states(command)) {
            throw RuleViolation.invalid("moveInDate", "the correction states the tenancy as it is recorded");
        }
        EventContext c = command.context();
        apply(new TenancyCorrected(
                c.eventId(),
                c.participantId().value(),
                c.reportingOrganisation(),
                c.municipality(),
                command.moveInDate(),
                c.recordedAt(),
                command.tenancyId().value(),
                command.contractType(),
                command.securityOfTenure(),
                command.leaseHolder(),
                command.housingType(),
                command.landlordType(),
                command.rehousing(),
                end == null ? null : end.endDate(),
                end == null ? null : end.endReason(),
                end == null ? null : end.destinationCategory(),
                end == null ? null : end.initiatedBy()));
        if (!tenancy.ended) {
            sustainDueMilestones(command.tenancyId(), today, c.recordedAt());
        }
    }

    @CommandHandler
    void handle(SustainTenancy command, BusinessDates dates) {
        Tenancy tenancy = tenancies.get(command.tenancyId().value());
        if (tenancy == null) {
            throw RuleViolation.unknown("tenancyId", "no such tenancy");
        }
        if (!tenancy.ended) {
            sustainIfDue(command.tenancyId(), command.months(), dates.today(), command.recordedAt());
        }
    }

    /** Every milestone the tenancy has reached by {@code today} and not reported yet. */
    private void sustainDueMilestones(TenancyId tenancyId, LocalDate today, Instant recordedAt) {
        for (int months : TenancyEvents.MILESTONE_MONTHS) {
            sustainIfDue(tenancyId, months, today, recordedAt);
        }
    }

    private void sustainIfDue(TenancyId tenancyId, int months, LocalDate today, Instant recordedAt) {
        Tenancy tenancy = tenancies.get(tenancyId.value());
        LocalDate reachedOn = tenancy.moveIn.plusMonths(months);
        if (tenancy.milestones.contains(months) || reachedOn.isAfter(today)) {
            return;
        }
        apply(new TenancySustained(
                ContractEvent.derivedEventId("TenancySustained:" + tenancyId.value() + ":" + months),
                participantId.value(),
                tenancy.reportingOrganisation,
                municipality,
                reachedOn,
                recordedAt,
                tenancyId.value(),
                months,
                tenancy.moveIn));
    }

    private Offer openOffer(HousingOfferId offerId, String field) {
        Offer offer = offers.get(offerId.value());
        if (offer == null) {
            throw RuleViolation.unknown(field, "no such offer for this participant");
        }
        if (offer.answered) {
            throw RuleViolation.conflict(field, "the offer was already declined or taken");
        }
        return offer;
    }

    private Tenancy activeTenancy(TenancyId tenancyId) {
        Tenancy tenancy = tenancies.get(tenancyId.value());
        if (tenancy == null) {
            throw RuleViolation.unknown("tenancyId", "no such tenancy");
        }
        if (tenancy.ended) {
            throw RuleViolation.conflict("tenancyId", "the tenancy has ended; nothing can follow its end");
        }
        return tenancy;
    }

    @EventSourcingHandler
    void on(HousingOffered event) {
        identify(event);
        offers.put(event.offerId(), new Offer(event.occurredOn()));
    }

    @EventSourcingHandler
    void on(HousingOfferDeclined event) {
        offers.get(event.offerId()).answered = true;
    }

    @EventSourcingHandler
    void on(TenancyStarted event) {
        identify(event);
        if (event.offerId() != null) {
            offers.get(event.offerId()).answered = true;
        }
        tenancies.put(event.tenancyId(), new Tenancy(event));
        activeTenancyId = new TenancyId(event.tenancyId());
    }

    @EventSourcingHandler
    void on(TenancyContractConverted event) {
        Tenancy tenancy = tenancies.get(event.tenancyId());
        tenancy.contractType = event.toContractType();
        tenancy.converted = true;
        tenancy.later(event.occurredOn());
    }

    @EventSourcingHandler
    void on(TenancyAtRisk event) {
        tenancies.get(event.tenancyId()).later(event.occurredOn());
    }

    @EventSourcingHandler
    void on(TemporaryAbsenceStarted event) {
        Tenancy tenancy = tenancies.get(event.tenancyId());
        tenancy.openAbsenceId = new AbsenceId(event.absenceId());
        tenancy.openAbsenceSince = event.occurredOn();
        tenancy.absenceIds.add(new AbsenceId(event.absenceId()));
        tenancy.later(event.occurredOn());
    }

    @EventSourcingHandler
    void on(TemporaryAbsenceEnded event) {
        Tenancy tenancy = tenancies.get(event.tenancyId());
        tenancy.openAbsenceId = null;
        tenancy.openAbsenceSince = null;
        tenancy.lastAbsenceEnd = event.occurredOn();
        tenancy.later(event.occurredOn());
    }

    @EventSourcingHandler
    void on(TenancyEnded event) {
        Tenancy tenancy = tenancies.get(event.tenancyId());
        tenancy.ended = true;
        tenancy.endDate = event.occurredOn();
        tenancy.endReason = event.endReason();
        tenancy.destination = event.destinationCategory();
        tenancy.initiatedBy = event.initiatedBy();
        activeTenancyId = null;
    }

    @EventSourcingHandler
    void on(TenancyCorrected event) {
        Tenancy tenancy = tenancies.get(event.tenancyId());
        tenancy.latestDate = tenancy.earliestLaterDate == null ? event.occurredOn() : tenancy.latestDate;
        tenancy.moveIn = event.occurredOn();
        tenancy.contractType = event.contractType();
        tenancy.securityOfTenure = event.securityOfTenure();
        tenancy.leaseHolder = event.leaseHolder();
        tenancy.housingType = event.housingType();
        tenancy.landlordType = event.landlordType();
        tenancy.rehousing = event.rehousing();
        if (event.endDate() != null) {
            tenancy.endDate = event.endDate();
            tenancy.endReason = event.endReason();
            tenancy.destination = event.destinationCategory();
            tenancy.initiatedBy = event.initiatedBy();
        }
    }

    @EventSourcingHandler
    void on(TenancySustained event) {
        tenancies.get(event.tenancyId()).milestones.add(event.months());
    }

    private void identify(ParticipantEvent event) {
        if (id == null) {
            participantId = new ParticipantId(event.participantId());
            id = HousingHistoryId.of(event.municipality(), participantId);
            municipality = event.municipality();
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
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

    private static final class Tenancy {
        private String reportingOrganisation;
        private LocalDate moveIn;
        private ContractType contractType;
        private SecurityOfTenure securityOfTenure;
        private LeaseHolder leaseHolder;
        private HousingType housingType;
        private LandlordType landlordType;
        private boolean rehousing;
        private boolean converted;
        /** the move-in date, or the latest risk, absence or conversion */
        private LocalDate latestDate;
        /** the earliest risk, absence or conversion, or null */
        private LocalDate earliestLaterDate;

        private LocalDate endDate;
        private EndReason endReason;
        private DestinationCategory destination;
        private EndInitiatedBy initiatedBy;
        private AbsenceId openAbsenceId;
        private LocalDate openAbsenceSince;
        private LocalDate lastAbsenceEnd;
        private Set<AbsenceId> absenceIds = new HashSet<>();
        private Set<Integer> milestones = new HashSet<>();
        private boolean ended;

        /** For the snapshot serializer, which sets the fields. */
        private Tenancy() {}

        private Tenancy(TenancyStarted event) {
            reportingOrganisation = event.reportingOrganisation();
            moveIn = event.occurredOn();
            contractType = event.contractType();
            securityOfTenure = event.securityOfTenure();
            leaseHolder = event.leaseHolder();
            housingType = event.housingType();
            landlordType = event.landlordType();
            rehousing = event.rehousing();
            latestDate = event.occurredOn();
        }

        /** A risk, absence or conversion recorded on {@code date}. */
        private void later(LocalDate date) {
            latestDate = max(latestDate, date);
            earliestLaterDate =
                    earliestLaterDate == null || date.isBefore(earliestLaterDate) ? date : earliestLaterDate;
        }

        /** Whether the correction states exactly what is recorded. */
        private boolean states(CorrectTenancy c) {
            CorrectTenancy.End end = c.end();
            return moveIn.equals(c.moveInDate())
                    && contractType == c.contractType()
                    && securityOfTenure == c.securityOfTenure()
                    && leaseHolder == c.leaseHolder()
                    && housingType == c.housingType()
                    && landlordType == c.landlordType()
                    && rehousing == c.rehousing()
                    && (end == null
                            || end.endDate().equals(endDate)
                                    && end.endReason() == endReason
                                    && end.destinationCategory() == destination
                                    && end.initiatedBy() == initiatedBy);
        }

        /** Value equality, so Axon's test fixture can check that sourcing rebuilds the same state. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Tenancy that
                    && reportingOrganisation.equals(that.reportingOrganisation)
                    && moveIn.equals(that.moveIn)
                    && contractType == that.contractType
                    && securityOfTenure == that.securityOfTenure
                    && leaseHolder == that.leaseHolder
                    && housingType == that.housingType
                    && landlordType == that.landlordType
                    && rehousing == that.rehousing
                    && converted == that.converted
                    && latestDate.equals(that.latestDate)
                    && Objects.equals(earliestLaterDate, that.earliestLaterDate)
                    && Objects.equals(endDate, that.endDate)
                    && endReason == that.endReason
                    && destination == that.destination
                    && initiatedBy == that.initiatedBy
                    && Objects.equals(openAbsenceId, that.openAbsenceId)
                    && Objects.equals(openAbsenceSince, that.openAbsenceSince)
                    && Objects.equals(lastAbsenceEnd, that.lastAbsenceEnd)
                    && absenceIds.equals(that.absenceIds)
                    && milestones.equals(that.milestones)
                    && ended == that.ended;
        }

        @Override
        public int hashCode() {
            return Objects.hash(moveIn, contractType, latestDate, openAbsenceId, milestones, ended);
        }
    }
}
