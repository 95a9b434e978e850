package org.housingfirst.edge.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.housingfirst.domain.BusinessDates;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access log of the caller's municipality, for its data protection officer (role {@code dpo}). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Validated
@Tag(name = "access log", description = "Who read which participant's data (role dpo)")
@SecurityRequirement(name = "bearer")
class AccessLogController {

    private final AccessLog log;
    private final BusinessDates dates;

    AccessLogController(AccessLog log, BusinessDates dates) {
        this.log = log;
        this.dates = dates;
    }

    @GetMapping("/access-log")
    @AccessLogged
    @Operation(
            summary = "The access log of the caller's municipality, newest first (role dpo)",
            description = "Reads of participant-level data: who (sub, organisation, roles), when, which"
                    + " participant, what, and the purpose the caller stated. Days are UTC; `to` is inclusive. This"
                    + " read is logged too.")
    List<AccessLogEntry> entries(
            @Parameter(description = "only entries about this participant id")
                    @RequestParam(required = false)
                    @Pattern(regexp = ParticipantId.PATTERN, message = ParticipantId.PATTERN_MESSAGE)
                    String participantId,
            @Parameter(description = "first day, default 1900-01-01") @RequestParam(required = false) LocalDate from,
            @Parameter(description = "last day, default today") @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            ReportingUnit unit) {
        LocalDate first = from == null ? dates.earliest() : from;
        LocalDate last = to == null ? dates.today() : to;
        dates.check(first, "from");
        dates.check(last, "to");
        if (last.isBefore(first)) {
            throw RuleViolation.invalid("to", "must not be before from");
        }
        ParticipantId participant = participantId == null ? null : new ParticipantId(participantId);
        log.read(unit, participant);
        return log.entries(
                unit,
                participant,
                first.atStartOfDay().toInstant(ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                limit);
    }
}
