package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.outcomes.figures.Figure;
import org.housingfirst.outcomes.figures.Figures;
import org.housingfirst.outcomes.pathways.PeriodRetention;
import org.housingfirst.outcomes.pathways.ReturnsToHomelessness;
import org.housingfirst.outcomes.pathways.TimeToHousing;
import org.housingfirst.outcomes.projection.ParticipationProjection;
import org.housingfirst.outcomes.projection.TenancyProjection;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.springframework.stereotype.Component;

/**
 * Movement into, through and out of programme housing in a municipality: the HUD 7b.2-style period ratio, returns to
 * homelessness after a positive exit, and time from enrolment to housing.
 */
@Component
class PathwayFigures {

    private final Figures figures;
    private final TenancyProjection tenancies;
    private final ParticipationProjection participations;

    PathwayFigures(Figures figures, TenancyProjection tenancies, ParticipationProjection participations) {
        this.figures = figures;
        this.tenancies = tenancies;
        this.participations = participations;
    }

    Figure<PeriodRetention> periodRetention(
            Municipality m, LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt, int gapDays) {
        return figures.of(
                Figures.Spec.asOf(
                                m,
                                "period-retention|" + from + "|" + to + "|" + asOf + "|" + gapDays,
                                asOf,
                                PeriodRetention.DEFINITION_VERSION.formatted(gapDays))
                        .over(from, to)
                        // who ended a tenancy in the last G days of the period may still be rehoused
                        .openUntil(to.plusDays(gapDays)),
                knownAt,
                known -> PeriodRetention.compute(
                        List.copyOf(
                                tenancies.spellsByParticipant(m, asOf, known).values()),
                        from,
                        to,
                        gapDays));
    }

    Figure<ReturnsToHomelessness> returnsToHomelessness(
            Municipality m, LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt) {
        return figures.of(
                Figures.Spec.asOf(
                                m,
                                "returns|" + from + "|" + to + "|" + asOf,
                                asOf,
                                ReturnsToHomelessness.DEFINITION_VERSION)
                        .over(from, to),
                knownAt,
                known -> {
                    Map<String, List<LocalDate>> enrolments = participations.enrolmentDates(m, asOf, known);
                    List<ReturnsToHomelessness.Path> paths = new ArrayList<>();
                    participations
                            .exits(m, asOf, known)
                            .forEach((participant, exits) -> paths.add(new ReturnsToHomelessness.Path(
                                    exits, enrolments.getOrDefault(participant, List.of()))));
                    return ReturnsToHomelessness.compute(paths, from, to, asOf);
                });
    }

    Figure<TimeToHousing> timeToHousing(Municipality m, LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt) {
        return figures.of(
                Figures.Spec.asOf(
                                m,
                                "time-to-housing|" + from + "|" + to + "|" + asOf,
                                asOf,
                                TimeToHousing.DEFINITION_VERSION)
                        .over(from, to),
                knownAt,
                known -> {
                    Map<String, List<TenancySpell>> spells = tenancies.spellsByParticipant(m, asOf, known);
                    Map<String, List<ReturnsToHomelessness.Exit>> exits = participations.exits(m, asOf, known);
                    List<TimeToHousing.Enrolment> enrolments = new ArrayList<>();
                    participations.enrolmentDates(m, asOf, known).forEach((participant, dates) -> {
                        List<LocalDate> moveIns = spells.getOrDefault(participant, List.of()).stream()
                                .map(TenancySpell::moveIn)
                                .toList();
                        List<LocalDate> exitDates = exits.getOrDefault(participant, List.of()).stream()
                                .map(ReturnsToHomelessness.Exit::on)
                                .toList();
                        for (LocalDate on : dates) {
                            if (!on.isBefore(from) && !on.isAfter(to)) {
                                enrolments.add(TimeToHousing.Enrolment.of(on, exitDates, moveIns));
                            }
                        }
                    });
                    return TimeToHousing.compute(enrolments, asOf);
                });
    }
}
