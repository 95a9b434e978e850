package org.housingfirst.outcomes.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.edge.problems.RuleViolation;
import org.housingfirst.edge.security.ReportingUnit;
import org.housingfirst.outcomes.consumption.FigureCache;
import org.housingfirst.outcomes.contracts.FirstHandLeases;
import org.housingfirst.outcomes.contracts.TenancyContracts;
import org.housingfirst.outcomes.engagement.EngagementEvents;
import org.housingfirst.outcomes.engagement.MonthlyEngagement;
import org.housingfirst.outcomes.pathways.PeriodRetention;
import org.housingfirst.outcomes.pathways.ReturnsToHomelessness;
import org.housingfirst.outcomes.pathways.TimeToHousing;
import org.housingfirst.outcomes.qualityoflife.QualityOfLifeChanges;
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
import org.housingfirst.outcomes.statistics.Releases;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Metrics of the caller's municipality. {@code knownAt} reproduces a figure as it could be computed at that instant. */
@RestController
@RequestMapping(path = "/api/v1/metrics", produces = "application/json")
@Tag(name = "metrics", description = "Retention and other outcome metrics of the caller's municipality")
@SecurityRequirement(name = "bearer")
class MetricsController {

    private final TenancySpells spells;
    private final QualityOfLifeChanges qualityOfLife;
    private final EngagementEvents engagement;
    private final TenancyContracts contracts;
    private final Journeys journeys;
    private final FigureCache cache;
    private final Participations participations;
    private final Releases releases;
    private final Clock clock;

    MetricsController(
            TenancySpells spells,
            Journeys journeys,
            FigureCache cache,
            Participations participations,
            Releases releases,
            QualityOfLifeChanges qualityOfLife,
            EngagementEvents engagement,
            TenancyContracts contracts,
            Clock clock) {
        this.spells = spells;
        this.journeys = journeys;
        this.cache = cache;
        this.participations = participations;
        this.releases = releases;
        this.qualityOfLife = qualityOfLife;
        this.engagement = engagement;
        this.contracts = contracts;
        this.clock = clock;
    }

    @GetMapping("/period-retention")
    @Operation(
            summary = "HUD 7b.2-style ratio: stayers and leavers to permanent housing of everyone housed in a period")
    PeriodFigure<PeriodRetention> periodRetention(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = "" + RetentionDefinition.DEFAULT_REHOUSING_GAP_DAYS) @Min(0) @Max(365)
                    int rehousingGapDays,
            ReportingUnit unit) {
        requirePeriod(from, to, asOf);
        Instant known = known(knownAt);
        return PeriodFigure.of(
                unit,
                from,
                to,
                asOf,
                known,
                PeriodRetention.DEFINITION_VERSION.formatted(rehousingGapDays),
                PeriodRetention.compute(
                        spells.byParticipant(unit.municipality(), asOf, known), from, to, rehousingGapDays));
    }

    @GetMapping("/returns-to-homelessness")
    @Operation(
            summary = "Re-enrolments within 24 months of exits to permanent housing in a window ending 24 months"
                    + " before asOf")
    PeriodFigure<ReturnsToHomelessness> returnsToHomelessness(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        requirePeriod(from, to, asOf);
        if (to.plusMonths(ReturnsToHomelessness.FOLLOW_UP_MONTHS).isAfter(asOf)) {
            throw RuleViolation.invalid("to", "must be at least 24 months before asOf, for a full follow-up");
        }
        Instant known = known(knownAt);
        return PeriodFigure.of(
                unit,
                from,
                to,
                asOf,
                known,
                ReturnsToHomelessness.DEFINITION_VERSION,
                ReturnsToHomelessness.compute(journeys.paths(unit.municipality(), asOf, known), from, to, asOf));
    }

    @GetMapping("/time-to-housing")
    @Operation(summary = "Kaplan-Meier median days from enrolment to first move-in for enrolments in a period")
    PeriodFigure<TimeToHousing> timeToHousing(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        requirePeriod(from, to, asOf);
        Instant known = known(knownAt);
        return PeriodFigure.of(
                unit,
                from,
                to,
                asOf,
                known,
                TimeToHousing.DEFINITION_VERSION,
                TimeToHousing.compute(journeys.enrolments(unit.municipality(), from, to, asOf, known), asOf));
    }

    @GetMapping("/evictions")
    @Operation(summary = "Evictions per tenancy-year in a period")
    EvictionFigure evictions(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        requirePeriod(from, to);
        Instant known = known(knownAt);
        List<TenancySpell> tenancies = spells.byParticipant(unit.municipality(), to, known).stream()
                .flatMap(List::stream)
                .toList();
        return new EvictionFigure(
                unit.municipality().country(),
                unit.municipality().code(),
                from,
                to,
                known,
                EvictionRate.DEFINITION_VERSION,
                EvictionRate.compute(tenancies, from, to));
    }

    @GetMapping("/first-hand-leases")
    @Operation(
            summary =
                    "Share of active tenancies on a first-hand lease, and conversions to first-hand leases in a period")
    FirstHandLeasesFigure firstHandLeases(
            @RequestParam LocalDate asOf,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        requirePeriod(from, to);
        Instant known = known(knownAt);
        return new FirstHandLeasesFigure(
                unit.municipality().country(),
                unit.municipality().code(),
                asOf,
                from,
                to,
                known,
                FirstHandLeases.DEFINITION_VERSION,
                contracts.firstHandLeases(unit.municipality(), asOf, from, to, known));
    }

    @GetMapping("/engagement")
    @Operation(
            summary = "Support engagement in a month: contacts per participant-month, no-contact count, decline rate")
    EngagementFigure engagement(
            @RequestParam YearMonth month,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        Instant known = known(knownAt);
        return new EngagementFigure(
                unit.municipality().country(),
                unit.municipality().code(),
                month,
                asOf,
                known,
                MonthlyEngagement.DEFINITION_VERSION,
                engagement.month(unit.municipality(), month, asOf, known));
    }

    @GetMapping("/quality-of-life-change")
    @Operation(
            summary =
                    "Mean change of every score from baseline to 6 or 12 months, per instrument version, with 95 % CI")
    QualityOfLifeChangeFigure qualityOfLifeChange(
            @RequestParam QualityOfLifeInstrument instrument,
            @RequestParam AssessmentTimepoint followUp,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        if (followUp != AssessmentTimepoint.MONTH_6 && followUp != AssessmentTimepoint.MONTH_12) {
            throw RuleViolation.invalid("followUp", "must be MONTH_6 or MONTH_12");
        }
        Instant known = known(knownAt);
        return new QualityOfLifeChangeFigure(
                unit.municipality().country(),
                unit.municipality().code(),
                asOf,
                known,
                instrument,
                followUp,
                "quality-of-life-change-v1(paired,same-version-and-value-set,t-95)",
                qualityOfLife.changes(unit.municipality(), instrument.name(), followUp.name(), asOf, known));
    }

    @GetMapping("/retention-curve")
    @Operation(summary = "Kaplan-Meier retention with Greenwood 95 % intervals and numbers at risk, time in days")
    RetentionCurveFigure retentionCurve(
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = "" + RetentionDefinition.DEFAULT_REHOUSING_GAP_DAYS) @Min(0) @Max(365)
                    int rehousingGapDays,
            ReportingUnit unit) {
        Instant known = known(knownAt);
        return new RetentionCurveFigure(
                unit.municipality().country(),
                unit.municipality().code(),
                asOf,
                known,
                curveVersion(rehousingGapDays),
                cached(
                        unit,
                        knownAt,
                        "curve|" + asOf + "|" + rehousingGapDays,
                        () -> RetentionCurve.estimate(
                                spells.byParticipant(unit.municipality(), asOf, known), asOf, rehousingGapDays)));
    }

    @GetMapping("/retention")
    @Operation(summary = "Programme housing retention at 6, 12 or 24 months, strict or known-status")
    RetentionFigure retention(
            @RequestParam int months,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = "STRICT") RetentionDefinition.UnknownStatus variant,
            @RequestParam(defaultValue = "PROGRAMME") Basis basis,
            @RequestParam(defaultValue = "" + RetentionDefinition.DEFAULT_REHOUSING_GAP_DAYS) @Min(0) @Max(365)
                    int rehousingGapDays,
            ReportingUnit unit) {
        requireHorizon(months);
        Instant known = known(knownAt);
        RetentionDefinition definition = new RetentionDefinition(months, rehousingGapDays, variant);
        RetentionResult result = cached(
                unit,
                knownAt,
                "retention|" + asOf + "|" + definition + "|" + basis,
                () -> retention(basis, spells.byParticipant(unit.municipality(), asOf, known), asOf, definition));
        Instant release = releases.firstRelease(asOf);
        RetentionResult released = known.isBefore(release)
                ? null
                : cached(
                        unit,
                        release,
                        "retention|" + asOf + "|" + definition + "|" + basis,
                        () -> retention(
                                basis, spells.byParticipant(unit.municipality(), asOf, release), asOf, definition));
        Releases.Revision revision = released == null
                ? Releases.Revision.PROVISIONAL
                : released.equals(result) ? Releases.Revision.AS_RELEASED : Releases.Revision.REVISED;
        return new RetentionFigure(
                unit.municipality().country(),
                unit.municipality().code(),
                asOf,
                known,
                months,
                result,
                revision,
                release,
                revision == Releases.Revision.REVISED ? released : null);
    }

    @GetMapping("/retention/breakdown")
    @Operation(
            summary = "Retention at 6, 12 or 24 months by sex, age band, move-in cohort or programme",
            description = "The caller's own municipality, so no disclosure control: national tables have it.")
    BreakdownFigure<RetentionResult> retentionBreakdown(
            @RequestParam int months,
            @RequestParam LocalDate asOf,
            @RequestParam Breakdowns.By by,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = "STRICT") RetentionDefinition.UnknownStatus variant,
            @RequestParam(defaultValue = "PROGRAMME") Basis basis,
            @RequestParam(defaultValue = "" + RetentionDefinition.DEFAULT_REHOUSING_GAP_DAYS) @Min(0) @Max(365)
                    int rehousingGapDays,
            ReportingUnit unit) {
        requireHorizon(months);
        Instant known = known(knownAt);
        RetentionDefinition definition = new RetentionDefinition(months, rehousingGapDays, variant);
        return breakdown(
                unit,
                asOf,
                known,
                by,
                definition.version(),
                participants -> retention(basis, participants, asOf, definition));
    }

    @GetMapping("/retention-curve/breakdown")
    @Operation(summary = "Kaplan-Meier retention curves by sex, age band, move-in cohort or programme")
    BreakdownFigure<List<KaplanMeier.Step>> retentionCurveBreakdown(
            @RequestParam LocalDate asOf,
            @RequestParam Breakdowns.By by,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = "" + RetentionDefinition.DEFAULT_REHOUSING_GAP_DAYS) @Min(0) @Max(365)
                    int rehousingGapDays,
            ReportingUnit unit) {
        Instant known = known(knownAt);
        return breakdown(
                unit,
                asOf,
                known,
                by,
                curveVersion(rehousingGapDays),
                spells -> RetentionCurve.estimate(spells, asOf, rehousingGapDays));
    }

    private <T> BreakdownFigure<T> breakdown(
            ReportingUnit unit,
            LocalDate asOf,
            Instant known,
            Breakdowns.By by,
            String definitionVersion,
            Function<List<List<TenancySpell>>, T> compute) {
        Map<String, List<List<TenancySpell>>> groups = new TreeMap<>();
        for (Participation p : participations.of(unit.municipality(), asOf, known)) {
            groups.computeIfAbsent(Breakdowns.category(p, by), c -> new ArrayList<>())
                    .add(p.spells());
        }
        List<BreakdownFigure.Group<T>> results = new ArrayList<>();
        groups.forEach((category, spells) ->
                results.add(new BreakdownFigure.Group<>(category, spells.size(), compute.apply(spells))));
        return new BreakdownFigure<>(
                unit.municipality().country(), unit.municipality().code(), asOf, known, by, definitionVersion, results);
    }

    private static void requireHorizon(int months) {
        if (months != 6 && months != 12 && months != 24) {
            throw RuleViolation.invalid("months", "must be 6, 12 or 24");
        }
    }

    private static String curveVersion(int rehousingGapDays) {
        return "retention-curve-v1(gap=" + rehousingGapDays + "d,deaths-and-long-term-care-censored)";
    }

    private static RetentionResult retention(
            Basis basis, List<List<TenancySpell>> participants, LocalDate asOf, RetentionDefinition definition) {
        return basis == Basis.PROGRAMME
                ? ProgrammeRetention.compute(participants, asOf, definition)
                : ProgrammeRetention.computeFirstTenancy(participants, asOf, definition);
    }

    /** Programme retention (any tenancy, rehousing within the gap) or first-tenancy retention. */
    enum Basis {
        PROGRAMME,
        FIRST_TENANCY
    }

    @GetMapping("/still-housed")
    @Operation(summary = "Crude still-housed share (kvarboende): housed on the as-of date of all ever housed")
    StillHousedFigure stillHoused(
            @RequestParam LocalDate asOf, @RequestParam(required = false) Instant knownAt, ReportingUnit unit) {
        Instant known = known(knownAt);
        return new StillHousedFigure(
                unit.municipality().country(),
                unit.municipality().code(),
                asOf,
                known,
                StillHoused.DEFINITION_VERSION,
                StillHoused.compute(spells.byParticipant(unit.municipality(), asOf, known), asOf));
    }

    /**
     * A figure of the caller's municipality, kept until another event of that municipality is stored. Without
     * {@code knownAt} the figure counts every stored event, so the entry is "latest" rather than the instant.
     */
    private <T> T cached(ReportingUnit unit, Instant knownAt, String figure, Supplier<T> compute) {
        String country = unit.municipality().country();
        String code = unit.municipality().code();
        long latest = cache.latest(country, code);
        return cache.get(
                "metric|" + country + "|" + code + "|" + figure + "|" + (knownAt == null ? "latest" : knownAt) + "|"
                        + latest,
                compute);
    }

    /** Events recorded before this instant count; now when the caller gives none. */
    private Instant known(Instant knownAt) {
        return knownAt == null ? clock.instant() : knownAt;
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw RuleViolation.invalid("to", "must not be before from");
        }
    }

    private static void requirePeriod(LocalDate from, LocalDate to, LocalDate asOf) {
        requirePeriod(from, to);
        if (asOf.isBefore(to)) {
            throw RuleViolation.invalid("asOf", "must not be before to");
        }
    }
}
