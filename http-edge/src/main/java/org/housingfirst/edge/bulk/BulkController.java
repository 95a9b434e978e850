package org.housingfirst.edge.bulk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.edge.requests.IdempotentRequests;
import org.housingfirst.edge.requests.RequestFilters;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/bulk}: many commands in one request, each answered on its own line. */
@RestController
@Tag(name = "bulk", description = "Many commands in one request: NDJSON in, one result per line out")
@SecurityRequirement(name = "bearer")
class BulkController {

    static final String NDJSON = "application/x-ndjson";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BulkRequests bulk;
    private final int maxLines;

    BulkController(BulkRequests bulk, int maxLines) {
        this.bulk = bulk;
        this.maxLines = maxLines;
    }

    @PostMapping(path = RequestFilters.BULK_PATH, consumes = NDJSON, produces = NDJSON)
    @Operation(
            summary = "Run many commands: one JSON object per line, {\"idempotencyKey\", \"path\", \"body\"}, each a"
                    + " POST of this service that the token may send",
            description = "Each line runs exactly as its single request would: the same reading, validation,"
                    + " authorization, identity vault and idempotency key (a line's key and a request's"
                    + " Idempotency-Key are the same key). Lines run in chunks, one transaction per chunk and a"
                    + " savepoint per line: a refused line stores nothing and blocks no other line. The answer holds"
                    + " one JSON object per line, in line order: {\"line\", \"result\" (accepted, replayed, problem,"
                    + " rolled-back), \"status\", \"location\", \"body\"}, where body is what the single request"
                    + " answers, or its problem naming the field. Results are written as each chunk commits.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "At most 10,000 lines, each one JSON object: {\"idempotencyKey\": \"…\","
                                    + " \"path\": \"/api/v1/…\", \"body\": {…}}",
                            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))),
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "One result per line",
                            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))))
    void bulk(
            @Parameter(
                            description = "All lines or none: every line runs in one transaction, rolled back if any is"
                                    + " refused; the others then answer rolled-back")
                    @RequestParam(defaultValue = "false")
                    boolean atomic,
            @Parameter(description = "Check every line as if it ran, store nothing and link no one new")
                    @RequestParam(defaultValue = "false")
                    boolean dryRun,
            ReportingUnit unit, // resolving it refuses a token without a known municipality before any line runs
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (request.getHeader(IdempotentRequests.HEADER) != null) {
            throw RuleViolation.invalid(
                    IdempotentRequests.HEADER, "a bulk request has none: each line carries its own idempotencyKey");
        }
        List<BulkLine> lines = read(request.getInputStream().readAllBytes());
        String scope = IdempotentRequests.callerScope().orElseThrow();
        response.setStatus(200);
        response.setContentType(NDJSON);
        OutputStream out = response.getOutputStream();
        bulk.run(lines, scope, atomic, dryRun, request, response, outcomes -> {
            try {
                for (BulkRequests.Outcome outcome : outcomes) {
                    out.write(JSON.writeValueAsBytes(outcome.json()));
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private List<BulkLine> read(byte[] body) {
        List<BulkLine> lines = new ArrayList<>();
        int length = body.length;
        while (length > 0 && (body[length - 1] == '\n' || body[length - 1] == '\r')) {
            length--; // the last line's end, and blank lines after it
        }
        int start = 0;
        int number = 0;
        while (start < length) {
            int end = start;
            while (end < length && body[end] != '\n') {
                end++;
            }
            number++;
            int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
            if (number > maxLines) {
                throw RuleViolation.invalid("body", "holds more than " + maxLines + " lines");
            }
            lines.add(BulkLine.read(number, Arrays.copyOfRange(body, start, stop)));
            start = end + 1;
        }
        if (lines.isEmpty()) {
            throw RuleViolation.invalid("body", "holds no line");
        }
        return lines;
    }
}
