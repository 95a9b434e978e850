package org.housingfirst.domain;

import java.time.LocalDate;

/**
 * A command an aggregate refuses, naming the request field at fault. Plain Java, so aggregates can throw it; the
 * plausible range of business dates is {@link BusinessDates}.
 */
public final class RuleViolation extends RejectedRequest {

    private RuleViolation(Kind kind, String field, String message) {
        super(kind, field, message);
    }

    public static RuleViolation unknown(String field, String message) {
        return new RuleViolation(Kind.NOT_FOUND, field, message);
    }

    public static RuleViolation conflict(String field, String message) {
        return new RuleViolation(Kind.CONFLICT, field, message);
    }

    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(Kind.UNPROCESSABLE, field, message);
    }

    /** A request its protocol calls malformed (400), such as an unknown value code in a PxWebApi selection. */
    public static RuleViolation malformed(String field, String message) {
        return new RuleViolation(Kind.MALFORMED, field, message);
    }

    /** A request for more than a published limit allows (403, as PxWebApi 2.0 answers too many cells). */
    public static RuleViolation overLimit(String field, String message) {
        return new RuleViolation(Kind.OVER_LIMIT, field, message);
    }

    /** A date that must not come before another recorded date. */
    public static void notBefore(LocalDate date, LocalDate limit, String field, String what) {
        if (date.isBefore(limit)) {
            throw invalid(field, "must not be before " + what + " (" + limit + ")");
        }
    }
}
