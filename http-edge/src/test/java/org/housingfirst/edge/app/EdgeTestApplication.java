package org.housingfirst.edge.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.edge.fields.ProgrammeId;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest service that uses http-edge as tenancy- and support-service do: one write that stores a row in the
 * request's transaction, one read with query parameters. The module's tests run it on a random port.
 */
@SpringBootApplication
public class EdgeTestApplication {

    public enum Kind {
        VISIT,
        CALL
    }

    public record ThingRequest(
            @ProgrammeId String programmeId,
            @NotNull LocalDate happenedOn,
            @NotNull Kind kind,
            @NotNull @Min(0) @Max(1000) Integer amount) {}

    /** Stands for outcomes-service's statistics API, whose access the security rules decide by configuration. */
    @RestController
    @RequestMapping("/api/v2")
    static class Statistics {

        @GetMapping("/config")
        java.util.Map<String, Object> config() {
            return java.util.Map.of("maxDataCells", 1);
        }
    }

    @RestController
    @RequestMapping("/api/v1")
    static class Things {

        /** Requests that reached the controller: a rejected request must not get here. */
        static final AtomicInteger CALLS = new AtomicInteger();

        private final JdbcClient jdbc;

        Things(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping(path = "/things", consumes = "application/json")
        @ResponseStatus(HttpStatus.CREATED)
        @Transactional
        ResponseEntity<Map<String, Object>> create(@Valid @RequestBody ThingRequest request, ReportingUnit unit)
                throws InterruptedException {
            CALLS.incrementAndGet();
            if (request.amount() == 999) {
                throw RuleViolation.invalid("amount", "999 is refused by a business rule");
            }
            if (request.amount() == 500) {
                Thread.sleep(300); // slow enough for concurrent retries to meet on the key
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO thing VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            unit.scope(),
                            request.programmeId(),
                            request.happenedOn(),
                            request.kind().name(),
                            request.amount())
                    .update();
            return ResponseEntity.created(URI.create("/api/v1/things/" + id)).body(Map.of("thingId", id));
        }

        @GetMapping("/things/{thingId}")
        List<Map<String, Object>> one(@PathVariable UUID thingId, ReportingUnit unit) {
            return jdbc.sql("SELECT thing_id FROM thing WHERE scope = ? AND thing_id = ?")
                    .params(unit.scope(), thingId)
                    .query()
                    .listOfRows();
        }

        @GetMapping("/things")
        List<Map<String, Object>> list(
                @RequestParam LocalDate asOf,
                @RequestParam(required = false) Instant knownAt,
                @RequestParam(defaultValue = "VISIT") Kind kind,
                ReportingUnit unit) {
            return jdbc.sql(
                            "SELECT thing_id, programme_id FROM thing WHERE scope = ? AND kind = ? AND happened_on <= ?")
                    .params(unit.scope(), kind.name(), asOf)
                    .query()
                    .listOfRows();
        }
    }
}
