package org.housingfirst.identity;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The date-of-birth check every identity number shares. */
final class BirthDates {

    private BirthDates() {}

    /** Throws unless year, month and day form a real date that is not after {@code today}. */
    static void requireValid(int year, int month, int day, LocalDate today) {
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new InvalidIdentityException("does not contain a valid date of birth");
        }
        if (birthDate.isAfter(today)) {
            throw new InvalidIdentityException("contains a date of birth in the future");
        }
    }
}
