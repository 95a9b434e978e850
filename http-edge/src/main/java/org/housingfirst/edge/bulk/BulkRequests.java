package org.housingfirst.edge.bulk;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.housingfirst.edge.participant.IdentityVault;
import org.housingfirst.edge.problems.FieldError;
import org.housingfirst.edge.problems.ProblemResponses;
import org.housingfirst.edge.requests.IdempotentRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the lines of a bulk request, each exactly as its single request would run: through the security filters (the
 * token, the role, the municipality) and the dispatcher (strict reading, validation, the identity vault, the command),
 * under its own idempotency key. Lines run in chunks, one transaction per chunk and a savepoint per line, so a refused
 * line leaves nothing behind and the others are stored. In atomic mode every line runs in one transaction, which is
 * rolled back if any line is refused; a dry run always rolls back and links no one new in the identity vault.
 */
final class BulkRequests {

    private static final Logger log = LoggerFactory.getLogger(BulkRequests.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What became of a line. */
    enum Result {
        /** stored */
        ACCEPTED,
        /** answered before under the same key and body: the first answer, nothing stored again */
        REPLAYED,
        /** refused: nothing of the line is stored */
        PROBLEM,
        /** would have been stored, but the request was atomic and another line was refused, or was a dry run */
        ROLLED_BACK;

        /** As the answer writes it: {@code accepted}, {@code rolled-back} … */
        String written() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One line's answer: the single request's status, location and body, or its problem. */
    record Outcome(int line, Result result, int status, String location, JsonNode body) {

        /** This outcome, naming {@code location}. */
        Outcome at(String location) {
            return new Outcome(line, result, status, location, body);
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("line", line);
            json.put("result", result.written());
            json.put("status", status);
            if (location != null) {
                json.put("location", location);
            }
            if (body != null) {
                json.put("body", body);
            }
            return json;
        }
    }

    private final Filter security;
    private final DispatcherServlet dispatcher;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate chunk;
    private final TransactionTemplate line;
    private final MeterRegistry meters;
    private final int chunkSize;
    private final long maxBodyBytes;

    BulkRequests(
            Filter security,
            DispatcherServlet dispatcher,
            IdempotentRequests idempotency,
            PlatformTransactionManager transactions,
            MeterRegistry meters,
            int chunkSize,
            long maxBodyBytes) {
        this.security = security;
        this.dispatcher = dispatcher;
        this.idempotency = idempotency;
        this.chunk = new TransactionTemplate(transactions);
        this.line = new TransactionTemplate(transactions);
        this.line.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.meters = meters;
        this.chunkSize = chunkSize;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Runs the lines and hands each chunk's outcomes, in line order, to {@code done} once the chunk is committed (or,
     * atomic or dry, once everything is decided).
     */
    void run(
            List<BulkLine> lines,
            String scope,
            boolean atomic,
            boolean dryRun,
            HttpServletRequest bulk,
            HttpServletResponse bulkResponse,
            Consumer<List<Outcome>> done) {
        if (atomic || dryRun) {
            List<Outcome> outcomes = IdentityVault.withoutNewLinksIf(
                    dryRun, () -> runInOneTransaction(lines, scope, atomic, dryRun, bulk, bulkResponse));
            count(outcomes);
            done.accept(outcomes);
            return;
        }
        for (int from = 0; from < lines.size(); from += chunkSize) {
            List<BulkLine> part = lines.subList(from, Math.min(lines.size(), from + chunkSize));
            List<Outcome> outcomes;
            try {
                outcomes = chunk.execute(tx -> runAll(part, scope, bulk, bulkResponse));
            } catch (RuntimeException e) { // the commit, or the database under it: nothing of the chunk is stored
                log.warn("A bulk chunk's transaction failed; its lines are reported as not stored", e);
                outcomes = part.stream()
                        .map(l -> problem(
                                l.number(),
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "The chunk holding this line could not be stored; send the line again",
                                List.of()))
                        .toList();
            }
            count(outcomes);
            done.accept(outcomes);
        }
    }

    private List<Outcome> runInOneTransaction(
            List<BulkLine> lines,
            String scope,
            boolean atomic,
            boolean dryRun,
            HttpServletRequest bulk,
            HttpServletResponse bulkResponse) {
        return chunk.execute(tx -> {
            List<Outcome> outcomes = runAll(lines, scope, bulk, bulkResponse);
            boolean refused = outcomes.stream().anyMatch(o -> o.result() == Result.PROBLEM);
            if (dryRun || (atomic && refused)) {
                tx.setRollbackOnly();
                return outcomes.stream()
                        .map(o -> o.result() == Result.ACCEPTED
                                ? new Outcome(o.line(), Result.ROLLED_BACK, o.status(), null, o.body())
                                : o)
                        .toList();
            }
            return outcomes;
        });
    }

    private List<Outcome> runAll(
            List<BulkLine> lines, String scope, HttpServletRequest bulk, HttpServletResponse bulkResponse) {
        List<Outcome> outcomes = new ArrayList<>(lines.size());
        for (BulkLine l : lines) {
            if (!l.readable()) {
                outcomes.add(problem(
                        l.number(),
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Line " + l.number() + " cannot be read",
                        l.errors()));
                continue;
            }
            if (l.body().length > maxBodyBytes) { // as the single request's size limit answers it
                outcomes.add(problem(
                        l.number(),
                        HttpStatus.CONTENT_TOO_LARGE,
                        "The body must not exceed " + maxBodyBytes + " bytes",
                        List.of(new FieldError("body", "must not exceed " + maxBodyBytes + " bytes"))));
                continue;
            }
            try {
                outcomes.add(runLine(l, scope, bulk, bulkResponse));
            } catch (RuntimeException e) { // rolled back to the line's savepoint: the chunk goes on
                log.error("Bulk line {} failed unexpectedly", l.number(), e);
                outcomes.add(problem(l.number(), HttpStatus.INTERNAL_SERVER_ERROR, null, List.of()));
            }
        }
        return outcomes;
    }

    private Outcome runLine(BulkLine l, String scope, HttpServletRequest bulk, HttpServletResponse bulkResponse) {
        return line.execute(tx -> {
            LineRequest request = new LineRequest(bulk, l.path(), l.body());
            Optional<IdempotentRequests.Earlier> earlier =
                    idempotency.claim(scope, l.idempotencyKey(), "POST", request.getRequestURI(), l.body());
            if (earlier.isPresent()) {
                if (!earlier.get().sameRequest()) {
                    // with the first answer's location, so that the caller can correct what that request recorded
                    return problem(
                                    l.number(),
                                    HttpStatus.UNPROCESSABLE_CONTENT,
                                    "Line " + l.number()
                                            + ": its idempotency key was already used with a different request",
                                    List.of(new FieldError(
                                            "idempotencyKey", "was already used with a different request")))
                            .at(earlier.get().location());
                }
                return new Outcome(
                        l.number(),
                        Result.REPLAYED,
                        earlier.get().status(),
                        earlier.get().location(),
                        json(earlier.get().contentType(), earlier.get().body()));
            }
            LineResponse response = new LineResponse(bulkResponse);
            try {
                security.doFilter(request, response, (rq, rs) -> dispatcher.service(rq, rs));
            } catch (Exception e) {
                log.error("Bulk line {} failed unexpectedly", l.number(), e);
                tx.setRollbackOnly();
                return problem(l.number(), HttpStatus.INTERNAL_SERVER_ERROR, null, List.of());
            }
            int status = response.getStatus();
            if (status / 100 == 2) {
                byte[] body = response.body();
                String location = response.getHeader(HttpHeaders.LOCATION);
                idempotency.complete(scope, l.idempotencyKey(), status, response.getContentType(), body, location);
                return new Outcome(
                        l.number(), Result.ACCEPTED, status, location, json(response.getContentType(), body));
            }
            tx.setRollbackOnly();
            byte[] body = response.body();
            HttpStatus refused =
                    HttpStatus.resolve(status) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(status);
            return body.length == 0
                    ? problem(l.number(), refused, null, List.of())
                    : new Outcome(l.number(), Result.PROBLEM, status, null, json(response.getContentType(), body));
        });
    }

    private void count(List<Outcome> outcomes) {
        outcomes.forEach(o ->
                meters.counter("bulk_lines", "result", o.result().written()).increment());
    }

    private static Outcome problem(int line, HttpStatus status, String detail, List<FieldError> errors) {
        return new Outcome(
                line,
                Result.PROBLEM,
                status.value(),
                null,
                JSON.valueToTree(ProblemResponses.asMap(
                        status, detail == null ? ProblemResponses.detailFor(status) : detail, errors)));
    }

    private static JsonNode json(String contentType, byte[] body) {
        if (body == null || body.length == 0 || contentType == null || !contentType.contains("json")) {
            return null;
        }
        return JSON.readTree(body);
    }
}
