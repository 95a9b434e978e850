package org.housingfirst.outcomes.metrics;

import java.time.LocalDate;
import org.housingfirst.domain.RuleViolation;

/** Checks of request parameters that bean validation cannot express, each naming the parameter. */
final class Requests {

    private Requests() {}

    static void horizon(int months) {
        if (months != 6 && months != 12 && months != 24) {
            throw RuleViolation.invalid("months", "must be 6, 12 or 24");
        }
    }

    static void period(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw RuleViolation.invalid("to", "must not be before from");
        }
    }

    static void period(LocalDate from, LocalDate to, LocalDate asOf) {
        period(from, to);
        if (asOf.isBefore(to)) {
            throw RuleViolation.invalid("asOf", "must not be before to");
        }
    }
}
