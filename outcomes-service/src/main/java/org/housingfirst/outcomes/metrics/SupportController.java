package org.housingfirst.outcomes.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.edge.security.ReportingUnit;
import org.housingfirst.outcomes.contracts.FirstHandLeases;
import org.housingfirst.outcomes.engagement.MonthlyEngagement;
import org.housingfirst.outcomes.fidelity.ProgrammeFidelity;
import org.housingfirst.outcomes.figures.Figure;
import org.housingfirst.outcomes.qualityoflife.QualityOfLifeChanges;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Support engagement, quality-of-life change, first-hand leases and programme fidelity of the caller's municipality. */
@RestController
@RequestMapping(path = "/api/v1/metrics", produces = "application/json")
@Tag(name = "metrics", description = "Retention and other outcome metrics of the caller's municipality")
@SecurityRequirement(name = "bearer")
class SupportController {

    private final SupportFigures figures;

    SupportController(SupportFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/engagement")
    @Operation(
            summary = "Support engagement in a month: contacts per participant-month, no-contact count, decline rate")
    Figure<MonthlyEngagement> engagement(
            @RequestParam YearMonth month,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        return figures.engagement(unit.municipality(), month, asOf, knownAt);
    }

    @GetMapping("/quality-of-life-change")
    @Operation(
            summary =
                    "Mean change of every score from baseline to 6 or 12 months, per instrument version, with 95 % CI")
    Figure<List<QualityOfLifeChanges.ScoreChange>> qualityOfLifeChange(
            @RequestParam QualityOfLifeInstrument instrument,
            @RequestParam AssessmentTimepoint followUp,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        if (followUp != AssessmentTimepoint.MONTH_6 && followUp != AssessmentTimepoint.MONTH_12) {
            throw RuleViolation.invalid("followUp", "must be MONTH_6 or MONTH_12");
        }
        return figures.qualityOfLifeChange(unit.municipality(), instrument, followUp, asOf, knownAt);
    }

    @GetMapping("/first-hand-leases")
    @Operation(
            summary =
                    "Share of active tenancies on a first-hand lease, and conversions to first-hand leases in a period")
    Figure<FirstHandLeases> firstHandLeases(
            @RequestParam LocalDate asOf,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        Requests.period(from, to);
        return figures.firstHandLeases(unit.municipality(), asOf, from, to, knownAt);
    }

    @GetMapping("/fidelity")
    @Operation(
            summary = "Each programme's fidelity to Housing First over time: total, maximum, percentage and domain"
                    + " means per assessment, the latest, and whether it is current (within 24 months)")
    Figure<List<ProgrammeFidelity.Programme>> fidelity(
            @RequestParam LocalDate asOf, @RequestParam(required = false) Instant knownAt, ReportingUnit unit) {
        return figures.fidelity(unit.municipality(), asOf, knownAt);
    }
}
