package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.outcomes.contracts.FirstHandLeases;
import org.housingfirst.outcomes.engagement.MonthlyEngagement;
import org.housingfirst.outcomes.fidelity.ProgrammeFidelity;
import org.housingfirst.outcomes.figures.Figure;
import org.housingfirst.outcomes.figures.Figures;
import org.housingfirst.outcomes.projection.AssessmentProjection;
import org.housingfirst.outcomes.projection.SupportProjection;
import org.housingfirst.outcomes.projection.TenancyProjection;
import org.housingfirst.outcomes.qualityoflife.QualityOfLifeChanges;
import org.springframework.stereotype.Component;

/**
 * What a programme offers and what follows from it in a municipality: support engagement in a month, quality-of-life
 * change from baseline, the first-hand lease share with conversions, and each programme's fidelity over time.
 */
@Component
class SupportFigures {

    static final String QUALITY_OF_LIFE_VERSION = "quality-of-life-change-v1(paired,same-version-and-value-set,t-95)";

    private final Figures figures;
    private final SupportProjection support;
    private final AssessmentProjection assessments;
    private final TenancyProjection tenancies;

    SupportFigures(
            Figures figures, SupportProjection support, AssessmentProjection assessments, TenancyProjection tenancies) {
        this.figures = figures;
        this.support = support;
        this.assessments = assessments;
        this.tenancies = tenancies;
    }

    Figure<MonthlyEngagement> engagement(Municipality m, YearMonth month, LocalDate asOf, Instant knownAt) {
        return figures.of(
                Figures.Spec.asOf(m, "engagement|" + month + "|" + asOf, asOf, MonthlyEngagement.DEFINITION_VERSION)
                        .over(month.atDay(1), month.atEndOfMonth()),
                knownAt,
                known -> MonthlyEngagement.fromCounts(
                        month,
                        support.episodes(m, asOf, known),
                        support.completedContacts(m, month, asOf, known),
                        support.offers(m, month, asOf, known)));
    }

    Figure<List<QualityOfLifeChanges.ScoreChange>> qualityOfLifeChange(
            Municipality m,
            QualityOfLifeInstrument instrument,
            AssessmentTimepoint followUp,
            LocalDate asOf,
            Instant knownAt) {
        return figures.of(
                Figures.Spec.asOf(
                        m,
                        "quality-of-life|" + instrument + "|" + followUp + "|" + asOf,
                        asOf,
                        QUALITY_OF_LIFE_VERSION),
                knownAt,
                known -> QualityOfLifeChanges.compute(assessments.qualityOfLife(m, instrument, followUp, asOf, known)));
    }

    Figure<FirstHandLeases> firstHandLeases(
            Municipality m, LocalDate asOf, LocalDate from, LocalDate to, Instant knownAt) {
        LocalDate upTo = to.isAfter(asOf) ? to : asOf;
        return figures.of(
                Figures.Spec.asOf(
                                m,
                                "first-hand-leases|" + asOf + "|" + from + "|" + to,
                                asOf,
                                FirstHandLeases.DEFINITION_VERSION)
                        .over(from, to),
                knownAt,
                known -> FirstHandLeases.compute(tenancies.leases(m, upTo, known), asOf, from, to));
    }

    Figure<List<ProgrammeFidelity.Programme>> fidelity(Municipality m, LocalDate asOf, Instant knownAt) {
        return figures.of(
                Figures.Spec.asOf(m, "fidelity|" + asOf, asOf, ProgrammeFidelity.DEFINITION_VERSION),
                knownAt,
                known -> ProgrammeFidelity.compute(assessments.fidelity(m, asOf, known), asOf));
    }
}
