package org.housingfirst.outcomes.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.support.ConsentRecorded;
import org.housingfirst.contracts.support.ConsentWithdrawn;
import org.housingfirst.contracts.support.FidelityAssessed;
import org.housingfirst.contracts.support.ParticipantEnrolled;
import org.housingfirst.contracts.support.ParticipantErased;
import org.housingfirst.contracts.support.ParticipantExited;
import org.housingfirst.contracts.support.QualityOfLifeAssessed;
import org.housingfirst.contracts.support.SupportAccepted;
import org.housingfirst.contracts.support.SupportContactRecorded;
import org.housingfirst.contracts.support.SupportDeclined;
import org.housingfirst.contracts.support.SupportEpisodeEnded;
import org.housingfirst.contracts.support.SupportEpisodeStarted;
import org.housingfirst.contracts.support.SupportEvent;
import org.housingfirst.contracts.support.SupportIntensityChanged;
import org.housingfirst.contracts.support.SupportOffered;
import org.housingfirst.contracts.tenancy.HousingOfferDeclined;
import org.housingfirst.contracts.tenancy.HousingOffered;
import org.housingfirst.contracts.tenancy.TemporaryAbsenceEnded;
import org.housingfirst.contracts.tenancy.TemporaryAbsenceStarted;
import org.housingfirst.contracts.tenancy.TenancyAtRisk;
import org.housingfirst.contracts.tenancy.TenancyContractConverted;
import org.housingfirst.contracts.tenancy.TenancyCorrected;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyEvent;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.contracts.tenancy.TenancySustained;
import org.springframework.stereotype.Component;

/**
 * Stores a batch of contract events in the event log and every projection, in the caller's transaction: each event
 * that is new (not stored before) goes to the views it changes. The switches are exhaustive over the sealed event
 * types, so a new contract event does not compile until its place is decided here.
 */
@Component
public class Projections {

    private final EventLog eventLog;
    private final TenancyProjection tenancies;
    private final ParticipationProjection participations;
    private final SupportProjection support;
    private final AssessmentProjection assessments;

    Projections(
            EventLog eventLog,
            TenancyProjection tenancies,
            ParticipationProjection participations,
            SupportProjection support,
            AssessmentProjection assessments) {
        this.eventLog = eventLog;
        this.tenancies = tenancies;
        this.participations = participations;
        this.support = support;
        this.assessments = assessments;
    }

    /** Stores the entries; returns how many events were new. */
    public int store(List<EventLog.Entry> entries) {
        Set<UUID> stored = eventLog.store(entries);
        if (stored.isEmpty()) {
            return 0;
        }
        Batch batch = new Batch();
        Set<UUID> seen = new java.util.HashSet<>();
        for (EventLog.Entry entry : entries) {
            ContractEvent event = entry.event();
            if (stored.contains(event.eventId()) && seen.add(event.eventId())) {
                switch (event) {
                    case TenancyEvent e -> batch.add(e);
                    case SupportEvent e -> batch.add(e);
                    default -> throw new IllegalArgumentException("not a contract event of a known producer");
                }
            }
        }
        tenancies.project(batch.starts, batch.ends, batch.corrections, batch.conversions);
        participations.project(batch.enrolments, batch.decisions, batch.exits);
        support.project(batch.support);
        assessments.project(batch.qualityOfLife, batch.fidelity);
        return stored.size();
    }

    private static final class Batch {
        final List<TenancyStarted> starts = new ArrayList<>();
        final List<TenancyEnded> ends = new ArrayList<>();
        final List<TenancyCorrected> corrections = new ArrayList<>();
        final List<TenancyContractConverted> conversions = new ArrayList<>();
        final List<ParticipantEnrolled> enrolments = new ArrayList<>();
        final List<ParticipationProjection.ConsentDecision> decisions = new ArrayList<>();
        final List<ParticipantExited> exits = new ArrayList<>();
        final SupportProjection.Batch support = new SupportProjection.Batch();
        final List<QualityOfLifeAssessed> qualityOfLife = new ArrayList<>();
        final List<FidelityAssessed> fidelity = new ArrayList<>();

        void add(TenancyEvent event) {
            switch (event) {
                case TenancyStarted e -> starts.add(e);
                case TenancyEnded e -> ends.add(e);
                case TenancyCorrected e -> corrections.add(e);
                case TenancyContractConverted e -> conversions.add(e);
                // kept in the event log; no metric uses them yet
                case HousingOffered e -> {}
                case HousingOfferDeclined e -> {}
                case TenancyAtRisk e -> {}
                case TemporaryAbsenceStarted e -> {}
                case TemporaryAbsenceEnded e -> {}
                case TenancySustained e -> {}
            }
        }

        void add(SupportEvent event) {
            switch (event) {
                case ParticipantEnrolled e -> enrolments.add(e);
                case ConsentRecorded e ->
                    decisions.add(new ParticipationProjection.ConsentDecision(e, e.participantId(), e.purpose(), true));
                case ConsentWithdrawn e ->
                    decisions.add(
                            new ParticipationProjection.ConsentDecision(e, e.participantId(), e.purpose(), false));
                case ParticipantExited e -> exits.add(e);
                case SupportEpisodeStarted e -> support.episodesStarted().add(e);
                case SupportEpisodeEnded e -> support.episodesEnded().add(e);
                case SupportOffered e -> support.offered().add(e);
                case SupportAccepted e -> support.accepted().add(e);
                case SupportDeclined e -> support.declined().add(e);
                case SupportContactRecorded e -> support.contacts().add(e);
                case QualityOfLifeAssessed e -> qualityOfLife.add(e);
                case FidelityAssessed e -> fidelity.add(e);
                // kept in the event log; no metric uses it yet
                case SupportIntensityChanged e -> {}
                // the id is linked to no one any more; the earlier events stay, anonymous, so that every figure
                // (and every rebuild) stays as it was. Nothing here ties the id to a person.
                case ParticipantErased e -> {}
            }
        }
    }
}
