package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.outcomes.figures.Figure;
import org.housingfirst.outcomes.figures.Figures;
import org.housingfirst.outcomes.projection.ParticipationProjection;
import org.housingfirst.outcomes.projection.TenancyProjection;
import org.housingfirst.outcomes.retention.EvictionRate;
import org.housingfirst.outcomes.retention.KaplanMeier;
import org.housingfirst.outcomes.retention.ProgrammeRetention;
import org.housingfirst.outcomes.retention.RetentionCurve;
import org.housingfirst.outcomes.retention.RetentionDefinition;
import org.housingfirst.outcomes.retention.RetentionResult;
import org.housingfirst.outcomes.retention.StillHoused;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.housingfirst.outcomes.statistics.Breakdowns;
import org.housingfirst.outcomes.statistics.Participation;
import org.housingfirst.outcomes.statistics.Participations;
import org.springframework.stereotype.Component;

/**
 * Housing retention of a municipality: at a horizon, as a Kaplan–Meier curve, by breakdown, the crude still-housed
 * share, and evictions per tenancy-year. Each figure from the tenancy spells of the projection.
 */
@Component
class RetentionFigures {

    /** Programme retention (any tenancy, rehousing within the gap) or first-tenancy retention. */
    enum Basis {
        PROGRAMME,
        FIRST_TENANCY
    }

    private final Figures figures;
    private final TenancyProjection tenancies;
    private final ParticipationProjection participations;

    RetentionFigures(Figures figures, TenancyProjection tenancies, ParticipationProjection participations) {
        this.figures = figures;
        this.tenancies = tenancies;
        this.participations = participations;
    }

    Figure<RetentionResult> retention(
            Municipality m, LocalDate asOf, Instant knownAt, RetentionDefinition definition, Basis basis) {
        return figures.of(
                Figures.Spec.asOf(
                        m, "retention|" + definition + "|" + basis + "|" + asOf, asOf, version(definition, basis)),
                knownAt,
                known -> retention(basis, spells(m, asOf, known), asOf, definition));
    }

    Figure<List<KaplanMeier.Step>> curve(Municipality m, LocalDate asOf, Instant knownAt, int gapDays) {
        return figures.of(
                Figures.Spec.asOf(m, "curve|" + gapDays + "|" + asOf, asOf, curveVersion(gapDays)),
                knownAt,
                known -> RetentionCurve.estimate(spells(m, asOf, known), asOf, gapDays));
    }

    Figure<List<BreakdownGroup<RetentionResult>>> retentionBreakdown(
            Municipality m,
            LocalDate asOf,
            Instant knownAt,
            Breakdowns.By by,
            RetentionDefinition definition,
            Basis basis) {
        return figures.of(
                Figures.Spec.asOf(
                                m,
                                "retention|" + definition + "|" + basis + "|" + asOf,
                                asOf,
                                version(definition, basis))
                        .by(by.name()),
                knownAt,
                known -> breakdown(m, asOf, known, by, spells -> retention(basis, spells, asOf, definition)));
    }

    Figure<List<BreakdownGroup<List<KaplanMeier.Step>>>> curveBreakdown(
            Municipality m, LocalDate asOf, Instant knownAt, Breakdowns.By by, int gapDays) {
        return figures.of(
                Figures.Spec.asOf(m, "curve|" + gapDays + "|" + asOf, asOf, curveVersion(gapDays))
                        .by(by.name()),
                knownAt,
                known -> breakdown(m, asOf, known, by, spells -> RetentionCurve.estimate(spells, asOf, gapDays)));
    }

    Figure<StillHoused> stillHoused(Municipality m, LocalDate asOf, Instant knownAt) {
        return figures.of(
                Figures.Spec.asOf(m, "still-housed|" + asOf, asOf, StillHoused.DEFINITION_VERSION),
                knownAt,
                known -> StillHoused.compute(spells(m, asOf, known), asOf));
    }

    /** Referred to the period's last day: its first release is the figure's. */
    Figure<EvictionRate> evictions(Municipality m, LocalDate from, LocalDate to, Instant knownAt) {
        return figures.of(
                new Figures.Spec(
                        m,
                        "evictions|" + from + "|" + to,
                        to,
                        EvictionRate.DEFINITION_VERSION,
                        null,
                        from,
                        to,
                        null,
                        null),
                knownAt,
                known -> EvictionRate.compute(
                        spells(m, to, known).stream().flatMap(List::stream).toList(), from, to));
    }

    private List<List<TenancySpell>> spells(Municipality m, LocalDate asOf, Instant known) {
        return List.copyOf(tenancies.spellsByParticipant(m, asOf, known).values());
    }

    private <T> List<BreakdownGroup<T>> breakdown(
            Municipality m,
            LocalDate asOf,
            Instant known,
            Breakdowns.By by,
            Function<List<List<TenancySpell>>, T> compute) {
        Map<String, List<List<TenancySpell>>> groups = new TreeMap<>();
        for (ParticipationProjection.Housed housed : participations.housed(m.country(), m.code(), asOf, known, false)) {
            Participation p = Participations.of(housed);
            groups.computeIfAbsent(Breakdowns.category(p, by), c -> new ArrayList<>())
                    .add(p.spells());
        }
        List<BreakdownGroup<T>> result = new ArrayList<>();
        groups.forEach(
                (category, spells) -> result.add(new BreakdownGroup<>(category, spells.size(), compute.apply(spells))));
        return result;
    }

    private static RetentionResult retention(
            Basis basis, List<List<TenancySpell>> participants, LocalDate asOf, RetentionDefinition definition) {
        return basis == Basis.PROGRAMME
                ? ProgrammeRetention.compute(participants, asOf, definition)
                : ProgrammeRetention.computeFirstTenancy(participants, asOf, definition);
    }

    private static String version(RetentionDefinition definition, Basis basis) {
        return basis == Basis.PROGRAMME
                ? definition.version()
                : definition.version().replace("programme-retention", "first-tenancy-retention");
    }

    static String curveVersion(int gapDays) {
        return "retention-curve-v2(gap=" + gapDays + "d,deaths-and-long-term-care-censored,interval="
                + KaplanMeier.INTERVAL + ")";
    }
}
