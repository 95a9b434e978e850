package org.housingfirst.outcomes.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.housingfirst.edge.security.ReportingUnit;
import org.housingfirst.outcomes.figures.Figure;
import org.housingfirst.outcomes.retention.EvictionRate;
import org.housingfirst.outcomes.retention.KaplanMeier;
import org.housingfirst.outcomes.retention.RetentionDefinition;
import org.housingfirst.outcomes.retention.RetentionResult;
import org.housingfirst.outcomes.retention.StillHoused;
import org.housingfirst.outcomes.statistics.Breakdowns;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Retention figures of the caller's municipality. {@code knownAt} reproduces a figure as it was known then. */
@RestController
@RequestMapping(path = "/api/v1/metrics", produces = "application/json")
@Tag(name = "metrics", description = "Retention and other outcome metrics of the caller's municipality")
@SecurityRequirement(name = "bearer")
class RetentionController {

    private static final String GAP = "" + RetentionDefinition.DEFAULT_REHOUSING_GAP_DAYS;

    private final RetentionFigures figures;

    RetentionController(RetentionFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/retention")
    @Operation(summary = "Programme housing retention at 6, 12 or 24 months, strict or known-status")
    Figure<RetentionResult> retention(
            @RequestParam int months,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = "STRICT") RetentionDefinition.UnknownStatus variant,
            @RequestParam(defaultValue = "PROGRAMME") RetentionFigures.Basis basis,
            @RequestParam(defaultValue = GAP) @Min(0) @Max(365) int rehousingGapDays,
            ReportingUnit unit) {
        Requests.horizon(months);
        return figures.retention(
                unit.municipality(), asOf, knownAt, new RetentionDefinition(months, rehousingGapDays, variant), basis);
    }

    @GetMapping("/retention/breakdown")
    @Operation(
            summary = "Retention at 6, 12 or 24 months by sex, age band, move-in cohort or programme",
            description = "The caller's own municipality, so no disclosure control: national tables have it.")
    Figure<List<BreakdownGroup<RetentionResult>>> retentionBreakdown(
            @RequestParam int months,
            @RequestParam LocalDate asOf,
            @RequestParam Breakdowns.By by,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = "STRICT") RetentionDefinition.UnknownStatus variant,
            @RequestParam(defaultValue = "PROGRAMME") RetentionFigures.Basis basis,
            @RequestParam(defaultValue = GAP) @Min(0) @Max(365) int rehousingGapDays,
            ReportingUnit unit) {
        Requests.horizon(months);
        return figures.retentionBreakdown(
                unit.municipality(),
                asOf,
                knownAt,
                by,
                new RetentionDefinition(months, rehousingGapDays, variant),
                basis);
    }

    @GetMapping("/retention-curve")
    @Operation(summary = "Kaplan-Meier retention with Greenwood 95 % intervals and numbers at risk, time in days")
    Figure<List<KaplanMeier.Step>> retentionCurve(
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = GAP) @Min(0) @Max(365) int rehousingGapDays,
            ReportingUnit unit) {
        return figures.curve(unit.municipality(), asOf, knownAt, rehousingGapDays);
    }

    @GetMapping("/retention-curve/breakdown")
    @Operation(summary = "Kaplan-Meier retention curves by sex, age band, move-in cohort or programme")
    Figure<List<BreakdownGroup<List<KaplanMeier.Step>>>> retentionCurveBreakdown(
            @RequestParam LocalDate asOf,
            @RequestParam Breakdowns.By by,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = GAP) @Min(0) @Max(365) int rehousingGapDays,
            ReportingUnit unit) {
        return figures.curveBreakdown(unit.municipality(), asOf, knownAt, by, rehousingGapDays);
    }

    @GetMapping("/still-housed")
    @Operation(summary = "Crude still-housed share (kvarboende): housed on the as-of date of all ever housed")
    Figure<StillHoused> stillHoused(
            @RequestParam LocalDate asOf, @RequestParam(required = false) Instant knownAt, ReportingUnit unit) {
        return figures.stillHoused(unit.municipality(), asOf, knownAt);
    }

    @GetMapping("/evictions")
    @Operation(summary = "Evictions per tenancy-year in a period")
    Figure<EvictionRate> evictions(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        Requests.period(from, to);
        return figures.evictions(unit.municipality(), from, to, knownAt);
    }
}
