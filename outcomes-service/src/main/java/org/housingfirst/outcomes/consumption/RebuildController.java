package org.housingfirst.outcomes.consumption;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.housingfirst.edge.problems.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations: rebuild the projection from the topics beside the active one, and watch it. Role {@code operator}. */
@RestController
@RequestMapping(path = "/api/v1/operations/rebuilds", produces = "application/json")
@Tag(name = "operations", description = "Projection rebuilds")
@SecurityRequirement(name = "bearer")
class RebuildController {

    private final Rebuild rebuild;

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @Operation(summary = "Start rebuilding the projection from the topics' beginning; queries keep being served")
    ResponseEntity<Rebuild.Status> start() {
        if (!rebuild.start()) {
            throw RuleViolation.conflict("rebuild", "a rebuild is already running");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.status());
    }

    @GetMapping
    @Operation(summary = "The active version and the progress of the running or last rebuild")
    Rebuild.Status status() {
        return rebuild.status();
    }
}
