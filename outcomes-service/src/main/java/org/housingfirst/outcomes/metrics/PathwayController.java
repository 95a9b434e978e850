package org.housingfirst.outcomes.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.edge.security.ReportingUnit;
import org.housingfirst.outcomes.figures.Figure;
import org.housingfirst.outcomes.pathways.PeriodRetention;
import org.housingfirst.outcomes.pathways.ReturnsToHomelessness;
import org.housingfirst.outcomes.pathways.TimeToHousing;
import org.housingfirst.outcomes.retention.RetentionDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pathway figures of the caller's municipality: period retention, returns to homelessness, time to housing. */
@RestController
@RequestMapping(path = "/api/v1/metrics", produces = "application/json")
@Tag(name = "metrics", description = "Retention and other outcome metrics of the caller's municipality")
@SecurityRequirement(name = "bearer")
class PathwayController {

    private final PathwayFigures figures;

    PathwayController(PathwayFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/period-retention")
    @Operation(
            summary = "HUD 7b.2-style ratio: stayers and leavers to permanent housing of everyone housed in a period")
    Figure<PeriodRetention> periodRetention(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = "" + RetentionDefinition.DEFAULT_REHOUSING_GAP_DAYS) @Min(0) @Max(365)
                    int rehousingGapDays,
            ReportingUnit unit) {
        Requests.period(from, to, asOf);
        return figures.periodRetention(unit.municipality(), from, to, asOf, knownAt, rehousingGapDays);
    }

    @GetMapping("/returns-to-homelessness")
    @Operation(
            summary = "Re-enrolments within 730 days of exits to permanent housing (HUD's day bands) in a window"
                    + " ending 730 days before asOf")
    Figure<ReturnsToHomelessness> returnsToHomelessness(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        Requests.period(from, to, asOf);
        if (!ReturnsToHomelessness.fullFollowUp(to, asOf)) {
            throw RuleViolation.invalid("to", "must be at least 730 days before asOf, for a full follow-up");
        }
        return figures.returnsToHomelessness(unit.municipality(), from, to, asOf, knownAt);
    }

    @GetMapping("/time-to-housing")
    @Operation(summary = "Kaplan-Meier median days from enrolment to first move-in for enrolments in a period")
    Figure<TimeToHousing> timeToHousing(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam LocalDate asOf,
            @RequestParam(required = false) Instant knownAt,
            ReportingUnit unit) {
        Requests.period(from, to, asOf);
        return figures.timeToHousing(unit.municipality(), from, to, asOf, knownAt);
    }
}
