package org.housingfirst.edge.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.housingfirst.domain.PeerUnavailable;
import org.housingfirst.domain.RejectedRequest;
import org.housingfirst.identity.InvalidIdentityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Maps every failure of a request to a problem detail. Client errors are 4xx and name the field; nothing else leaks. */
@RestControllerAdvice
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String PARTICIPANT_FIELD = "participant.value";

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r instanceof ParameterErrors body
                        ? body.getFieldErrors().stream().map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                        : r.getResolvableErrors().stream()
                                .map(err -> new FieldError(
                                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), List.of());
            }
        }
        Throwable cause = outermostJacksonCause(e);
        if (cause instanceof UnrecognizedPropertyException u) {
            return field(HttpStatus.BAD_REQUEST, path(u), "is not a field of this request");
        }
        if (cause instanceof InvalidFormatException f) {
            return field(HttpStatus.BAD_REQUEST, path(f), expectation(f.getTargetType()));
        }
        if (cause instanceof MismatchedInputException m) {
            return field(HttpStatus.BAD_REQUEST, path(m), expectation(m.getTargetType()));
        }
        if (cause instanceof StreamReadException s && s.getLocation() != null) {
            return ProblemResponses.problem(
                    HttpStatus.BAD_REQUEST,
                    "The body is not valid JSON (line " + s.getLocation().getLineNr() + ", column "
                            + s.getLocation().getColumnNr() + ")",
                    List.of());
        }
        if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
            return field(HttpStatus.BAD_REQUEST, path(j), "has an invalid value");
        }
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "The body is missing or not valid JSON", List.of());
    }

    @ExceptionHandler(InvalidIdentityException.class)
    ProblemDetail invalidIdentity(InvalidIdentityException e) {
        return field(HttpStatus.BAD_REQUEST, PARTICIPANT_FIELD, e.getMessage());
    }

    @ExceptionHandler(RejectedRequest.class)
    ProblemDetail refused(RejectedRequest e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case OVER_LIMIT -> HttpStatus.FORBIDDEN;
        };
        return field(status, e.field(), e.getMessage());
    }

    @ExceptionHandler(PeerUnavailable.class)
    ProblemDetail peerUnavailable(PeerUnavailable e) {
        log.warn("a service this request needs did not answer: {}", e.getMessage());
        return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        if (e.getCause() instanceof RejectedRequest rejected) {
            ProblemDetail problem = refused(rejected);
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownParticipant(AggregateNotFoundException e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "Nothing is recorded for this participant", List.of());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return ProblemResponses.problem(
                HttpStatus.CONFLICT, "Another change to this participant happened at the same time; retry", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return field(HttpStatus.BAD_REQUEST, e.getName(), expectation(e.getRequiredType()));
    }

    /**
     * A path variable that converts to nothing (a UUID given as a tab or spaces) is the client's error; a template
     * variable the handler does not declare would be ours.
     */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<ProblemDetail> blankPathVariable(MissingPathVariableException e) {
        if (!e.isMissingAfterConversion()) {
            return unexpected(e);
        }
        return ResponseEntity.badRequest()
                .body(field(
                        HttpStatus.BAD_REQUEST,
                        e.getVariableName(),
                        expectation(e.getParameter().getParameterType())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return field(HttpStatus.BAD_REQUEST, e.getParameterName(), "parameter is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return field(HttpStatus.BAD_REQUEST, e.getHeaderName(), "header is required");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return ProblemResponses.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ProblemResponses.problem(HttpStatus.NOT_ACCEPTABLE, "Responses are application/json", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return ProblemResponses.problem(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND);
    }

    /** A controller that needs a caller it does not have: 401 with the bearer challenge, as the filter chain gives. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, e.getMessage(), List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return ProblemResponses.problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error(
                "Unexpected failure while handling a request ({})", e.getClass().getName(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    private static ProblemDetail field(HttpStatus status, String field, String message) {
        if (field == null) {
            return ProblemResponses.problem(status, message, List.of());
        }
        FieldError error = new FieldError(field, message);
        return ProblemResponses.problem(status, error.field() + ": " + message, List.of(error));
    }

    private static Throwable outermostJacksonCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JacksonException) {
                return t;
            }
        }
        return e;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "must be an instant as YYYY-MM-DDThh:mm:ssZ";
        }
        if (type == YearMonth.class) {
            return "must be a month as YYYY-MM";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        return "must be a " + type.getSimpleName();
    }
}
