package org.housingfirst.outcomes.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.outcomes.engagement.MonthlyEngagement;
import org.housingfirst.outcomes.fidelity.ProgrammeFidelity;
import org.housingfirst.outcomes.projection.AssessmentProjection;
import org.housingfirst.outcomes.projection.ParticipationProjection;
import org.housingfirst.outcomes.projection.SupportProjection;
import org.housingfirst.outcomes.projection.TenancyProjection;
import org.housingfirst.outcomes.qualityoflife.QualityOfLifeChanges;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.springframework.stereotype.Component;

/**
 * A country's people for national tables, as of a business date and as known at an instant: every person housed by
 * then, leaving out those whose latest decision on consent for national statistics is a withdrawal.
 *
 * <p><b>The unit is the person.</b> A person housed in several municipalities counts once: their tenancies in every
 * municipality are one housing history (so rehousing from one municipality to another within the gap is retention,
 * not a loss in the first and a new start in the second), attributed to the municipality of their first move-in
 * (the earliest; on the same day, the lowest code) with that participation's sex, birth year and programme. County
 * and nation stay exact sums of their municipalities. People are linked by their pseudonym, which identity numbers
 * give alike everywhere; a participant known only by a local case reference cannot be linked across organisations and
 * counts once per organisation.
 */
@Component
public class Participations {

    private final ParticipationProjection projection;
    private final TenancyProjection tenancies;
    private final SupportProjection support;
    private final AssessmentProjection assessments;

    Participations(
            ParticipationProjection projection,
            TenancyProjection tenancies,
            SupportProjection support,
            AssessmentProjection assessments) {
        this.projection = projection;
        this.tenancies = tenancies;
        this.support = support;
        this.assessments = assessments;
    }

    /** A country's leases and support in a quarter, by person ({@link Circumstances}); null {@code knownAt}: all. */
    Circumstances circumstances(String country, Quarter period, Instant knownAt) {
        Municipality all = new Municipality(country, null, null);
        Map<String, List<MonthlyEngagement.Episode>> episodes = new HashMap<>();
        for (MonthlyEngagement.Episode episode : support.episodes(all, period.lastDay(), knownAt)) {
            episodes.computeIfAbsent(episode.participant(), p -> new ArrayList<>(1))
                    .add(episode);
        }
        return new Circumstances(
                period,
                tenancies.leasesByParticipant(all, period.lastDay(), knownAt),
                episodes,
                support.completedContacts(all, period.firstDay(), period.lastDay(), knownAt)
                        .keySet());
    }

    /** Null {@code knownAt}: everything stored. */
    List<Participation> national(String country, LocalDate asOf, Instant knownAt) {
        return persons(projection.housed(country, null, asOf, knownAt, true));
    }

    /**
     * A country's new enrolments in a quarter, one per person: a person enrolled more than once in the quarter, in one
     * municipality or several, counts once, with their first enrolment of the quarter (on the same day, the lowest
     * municipality code), which gives the municipality, sex, age and situation at entry. Consent as above.
     */
    List<RateCube.Unit> enrolments(String country, Quarter period, Instant knownAt) {
        return firstOfEach(projection.enrolled(country, period.firstDay(), period.lastDay(), knownAt)).stream()
                .map(e -> new RateCube.Unit(e.municipalityCode(), Breakdowns.of(e, country), false))
                .toList();
    }

    /**
     * A country's programmes for the fidelity table on a reference date: per municipality and programme, the latest
     * assessment on the shipped Pathways scale version dated by then, when it is current (within 24 months,
     * {@link ProgrammeFidelity}), with its assessor, percentage of the maximum and domain means. An assessment that
     * does not score every domain (the scale as shipped always does) is left out. Fidelity is a programme's, so consent
     * does not apply.
     */
    List<RateCube.Unit> programmes(String country, LocalDate asOf, Instant knownAt) {
        return programmes(
                assessments.fidelityByMunicipality(new Municipality(country, null, null), asOf, knownAt), asOf);
    }

    /**
     * Each person's changes from baseline to the 12-month follow-up on one instrument, as of a date: see
     * {@link #changes}.
     */
    Map<String, Map<String, Double>> qualityOfLife(
            String country, QualityOfLifeInstrument instrument, LocalDate asOf, Instant knownAt) {
        return changes(assessments.qualityOfLife(
                new Municipality(country, null, null), instrument, AssessmentTimepoint.MONTH_12, asOf, knownAt));
    }

    /**
     * Per person, the change of every score from baseline to follow-up: one pair per person, of one instrument version
     * and value set (never mixed), the latest recorded baseline and follow-up of it; with pairs in more than one version,
     * the version of the latest recorded follow-up. Assessments are in recording order.
     */
    static Map<String, Map<String, Double>> changes(List<QualityOfLifeChanges.Assessment> assessments) {
        Map<String, Map<String, QualityOfLifeChanges.Assessment>> baselines = new HashMap<>();
        Map<String, QualityOfLifeChanges.Assessment> followUps = new HashMap<>();
        for (QualityOfLifeChanges.Assessment a : assessments) {
            if (a.baseline()) {
                baselines.computeIfAbsent(a.participant(), p -> new HashMap<>()).put(version(a), a);
            } else {
                followUps.put(a.participant() + "|" + version(a), a);
            }
        }
        Map<String, Map<String, Double>> changes = new HashMap<>();
        for (QualityOfLifeChanges.Assessment later : assessments) {
            QualityOfLifeChanges.Assessment followUp = followUps.get(later.participant() + "|" + version(later));
            if (later.baseline() || followUp != later) {
                continue; // the latest recorded follow-up of its version, in recording order: later ones overwrite
            }
            QualityOfLifeChanges.Assessment baseline =
                    baselines.getOrDefault(later.participant(), Map.of()).get(version(later));
            if (baseline == null) {
                continue;
            }
            Map<String, Double> change = new HashMap<>();
            followUp.scores().forEach((score, value) -> {
                Double before = baseline.scores().get(score);
                if (before != null) {
                    change.put(score, value - before);
                }
            });
            changes.put(later.participant(), change);
        }
        return changes;
    }

    private static String version(QualityOfLifeChanges.Assessment a) {
        return a.version() + "|" + java.util.Objects.toString(a.valueSetId(), "");
    }

    /** The fidelity table's units from each municipality's assessments, by the rule above. */
    static List<RateCube.Unit> programmes(
            Map<String, List<ProgrammeFidelity.Assessment>> byMunicipality, LocalDate asOf) {
        List<RateCube.Unit> units = new ArrayList<>();
        byMunicipality.forEach((municipality, theirs) -> {
            for (ProgrammeFidelity.Programme programme : ProgrammeFidelity.compute(theirs, asOf)) {
                if (!programme.scale().equals(NationalMeasure.FIDELITY_SCALE)
                        || !programme.scaleVersion().equals(NationalMeasure.FIDELITY_SCALE_VERSION)
                        || !programme.current()) {
                    continue;
                }
                ProgrammeFidelity.Point latest = programme.latest();
                Map<String, Double> values = new HashMap<>(latest.domainMeans());
                values.put("percent", latest.percentOfMaximum());
                if (!values.keySet().containsAll(NationalMeasure.FIDELITY_VALUES)) {
                    continue;
                }
                units.add(new RateCube.Unit(
                        municipality, List.of(Breakdowns.TOTAL, "ASSESSOR:" + latest.assessorType()), false, values));
            }
        });
        return units;
    }

    /** Each person's first enrolment of those given: by enrolment date, then municipality code. */
    static List<ParticipationProjection.Enrolled> firstOfEach(List<ParticipationProjection.Enrolled> enrolments) {
        Map<String, ParticipationProjection.Enrolled> first = new HashMap<>();
        Comparator<ParticipationProjection.Enrolled> order = Comparator.comparing(
                        ParticipationProjection.Enrolled::enrolledOn)
                .thenComparing(ParticipationProjection.Enrolled::municipalityCode);
        for (ParticipationProjection.Enrolled enrolment : enrolments) {
            first.merge(enrolment.participantId(), enrolment, (a, b) -> order.compare(a, b) <= 0 ? a : b);
        }
        return List.copyOf(first.values());
    }

    /** One {@link Participation} per person, by the rule above. */
    static List<Participation> persons(List<ParticipationProjection.Housed> participations) {
        Map<String, List<ParticipationProjection.Housed>> byPerson = new HashMap<>();
        for (ParticipationProjection.Housed housed : participations) {
            byPerson.computeIfAbsent(housed.participantId(), p -> new ArrayList<>(1))
                    .add(housed);
        }
        List<Participation> persons = new ArrayList<>(byPerson.size());
        for (List<ParticipationProjection.Housed> theirs : byPerson.values()) {
            if (theirs.size() == 1) {
                persons.add(of(theirs.getFirst()));
                continue;
            }
            ParticipationProjection.Housed attributed = theirs.stream()
                    .min(Comparator.comparing((ParticipationProjection.Housed h) -> firstMoveIn(h))
                            .thenComparing(ParticipationProjection.Housed::municipalityCode))
                    .orElseThrow();
            List<TenancySpell> spells = theirs.stream()
                    .flatMap(h -> h.spells().stream())
                    .sorted(Comparator.comparing(TenancySpell::moveIn))
                    .toList();
            persons.add(new Participation(
                    attributed.participantId(),
                    attributed.municipalityCode(),
                    attributed.sex(),
                    attributed.birthYear(),
                    attributed.programmeId(),
                    spells));
        }
        return persons;
    }

    private static LocalDate firstMoveIn(ParticipationProjection.Housed housed) {
        return housed.spells().stream()
                .map(TenancySpell::moveIn)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** One participation as the unit of a municipality's own breakdowns, from its projection row. */
    public static Participation of(ParticipationProjection.Housed housed) {
        return new Participation(
                housed.participantId(),
                housed.municipalityCode(),
                housed.sex(),
                housed.birthYear(),
                housed.programmeId(),
                housed.spells());
    }
}
