package org.housingfirst.domain;

/**
 * A request the domain refuses, with the request field at fault. Plain Java, so domain code can throw it without
 * knowing about HTTP; {@link ProblemDetailsAdvice} maps the kind to a status.
 */
public abstract class RejectedRequest extends RuntimeException {

    /**
     * The thing is unknown (404), it clashes with the current state (409), or the data is wrong (422); for protocols
     * that say so, such as PxWebApi 2.0, the request is malformed (400) or asks for more than a limit allows (403).
     */
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        UNPROCESSABLE,
        MALFORMED,
        OVER_LIMIT
    }

    private final Kind kind;
    private final String field;

    protected RejectedRequest(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
