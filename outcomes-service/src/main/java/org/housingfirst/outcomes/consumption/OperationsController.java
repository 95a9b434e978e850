package org.housingfirst.outcomes.consumption;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operations (role {@code operator}): rebuild the projections beside the active version, and the set-aside records. */
@RestController
@RequestMapping(path = "/api/v1/operations", produces = "application/json")
@Tag(
        name = "operations",
        description = "Projection rebuilds, records set aside by the consumer, and publishing releases")
@SecurityRequirement(name = "bearer")
class OperationsController {

    /** The most recent set-aside records and how many there are in all. */
    record SetAsideList(long total, List<SetAsideRecords.Entry> records) {}

    private final Rebuild rebuild;
    private final SetAsideRecords setAside;

    OperationsController(Rebuild rebuild, SetAsideRecords setAside) {
        this.rebuild = rebuild;
        this.setAside = setAside;
    }

    @PostMapping("/rebuilds")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Start rebuilding every projection from the topics' beginning; queries keep being served",
            description =
                    "409 while a rebuild runs, or when a topic no longer begins at offset 0 (incomplete history).")
    ResponseEntity<Rebuild.Status> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping("/rebuilds")
    @Operation(summary = "The active version and the progress of the running or last rebuild")
    Rebuild.Status status() {
        return rebuild.status();
    }

    @GetMapping("/set-aside")
    @Operation(
            summary = "Records the consumer set aside instead of storing, newest first",
            description = "Topic, partition and offset, what was wrong and where (never a value of the record), the"
                    + " event id and type when they could be read.")
    SetAsideList setAside(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return new SetAsideList(setAside.count(), setAside.latest(limit));
    }
}
