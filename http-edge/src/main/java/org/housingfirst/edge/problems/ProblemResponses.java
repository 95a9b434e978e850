package org.housingfirst.edge.problems;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds problem details, for controllers and for servlet filters that answer before any controller runs. */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    public static ProblemDetail problem(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        // An occurrence id, not the request path: a path a client got wrong may hold an identity number.
        problem.setInstance(URI.create("urn:uuid:" + UUID.randomUUID()));
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** A problem with the {@linkplain #detailFor(HttpStatus) detail for its status} and no field errors. */
    public static ProblemDetail problem(HttpStatus status) {
        return problem(status, detailFor(status), List.of());
    }

    /** The detail of an error that has nothing more specific to say: what went wrong, never what was sent. */
    public static String detailFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed: check the URL, its encoding and the headers";
            case UNAUTHORIZED -> "A valid bearer token is required";
            case FORBIDDEN -> "Your role does not allow this";
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This method is not supported on this resource";
            case CONTENT_TOO_LARGE -> "The body is larger than this service accepts";
            case URI_TOO_LONG -> "The URL is longer than this service accepts";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The headers are larger than this service accepts";
            default -> status.is5xxServerError() ? "An unexpected error occurred" : status.getReasonPhrase();
        };
    }

    /** A problem without field errors as JSON text, for writers that have no Spring converter at hand. */
    static String json(HttpStatus status, String detail) {
        return JSON.writeValueAsString(body(status, detail, null));
    }

    /** A problem as a map of its members, for writers that embed it in a larger document. */
    public static Map<String, Object> asMap(HttpStatus status, String detail, List<FieldError> errors) {
        return body(status, detail, errors);
    }

    private static Map<String, Object> body(HttpStatus status, String detail, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", "urn:uuid:" + UUID.randomUUID());
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    /** Writes the problem for the status, with its {@linkplain #detailFor(HttpStatus) detail}, to a raw response. */
    public static void write(HttpServletResponse response, HttpStatus status, String challenge) throws IOException {
        write(response, status, detailFor(status), null, challenge);
    }

    /** Writes a problem to a raw response; {@code challenge} fills {@code WWW-Authenticate} on a 401. */
    public static void write(
            HttpServletResponse response, HttpStatus status, String detail, List<FieldError> errors, String challenge)
            throws IOException {
        Map<String, Object> body = body(status, detail, errors);
        response.setStatus(status.value());
        if (challenge != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
