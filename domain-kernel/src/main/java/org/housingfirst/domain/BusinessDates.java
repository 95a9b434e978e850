package org.housingfirst.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The plausible range of a business date: from a configured earliest day (1900-01-01 unless configured) through today
 * in the platform's time zone. A date outside it is a typing error or a hostile client, never data. Plain Java, so
 * aggregates receive it as a handler parameter instead of reading the clock.
 *
 * @param clock the platform's clock; today is read from it
 * @param earliest the earliest business date accepted
 */
public record BusinessDates(Clock clock, LocalDate earliest) {

    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(1900, 1, 1);

    public BusinessDates {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(earliest, "earliest");
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Refuses a date before the earliest day or after today, naming the field; returns today. */
    public LocalDate check(LocalDate date, String field) {
        if (date.isBefore(earliest)) {
            throw RuleViolation.invalid(field, "must not be before " + earliest);
        }
        LocalDate today = today();
        if (date.isAfter(today)) {
            throw RuleViolation.invalid(field, "must not be in the future");
        }
        return today;
    }

    /** Whether a date lies in the plausible range as seen on {@code day} (for dates reported on that day). */
    public boolean plausibleOn(LocalDate date, LocalDate day) {
        return !date.isBefore(earliest) && !date.isAfter(day);
    }
}
