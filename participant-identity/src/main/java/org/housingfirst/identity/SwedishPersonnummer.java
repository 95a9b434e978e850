package org.housingfirst.identity;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swedish personnummer and samordningsnummer (day + 60). Accepts {@code YYMMDD-NNNC}, {@code YYMMDD+NNNC} (a person of
 * 100 or more), {@code YYMMDDNNNC}, {@code YYYYMMDDNNNC} and {@code YYYYMMDD-NNNC}; checks the date, the serial and the
 * Luhn check digit; normalises to 12 digits. Interim numbers with letters are rejected.
 */
final class SwedishPersonnummer {

    private static final Pattern FORMAT = Pattern.compile("(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([-+]?)(\\d{3})(\\d)");
    private static final int COORDINATION_DAY_OFFSET = 60;

    private SwedishPersonnummer() {}

    static NormalisedIdentity normalise(String raw, LocalDate today) {
        Matcher m = FORMAT.matcher(raw.strip());
        if (!m.matches()) {
            throw new InvalidIdentityException("must be a personnummer or samordningsnummer of 10 or 12 digits");
        }
        String century = m.group(1);
        int yy = Integer.parseInt(m.group(2));
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        boolean centenarian = "+".equals(m.group(5));
        String serial = m.group(6);
        int checkDigit = Integer.parseInt(m.group(7));

        if (century != null && centenarian) {
            throw new InvalidIdentityException("the + separator is only used with a 10-digit number");
        }
        int year = century != null ? Integer.parseInt(century) * 100 + yy : inferYear(yy, centenarian, today);
        int birthDay = day > COORDINATION_DAY_OFFSET ? day - COORDINATION_DAY_OFFSET : day;
        BirthDates.requireValid(year, month, birthDay, today);
        if ("000".equals(serial)) {
            throw new InvalidIdentityException("has an invalid serial number");
        }
        String nineDigits = m.group(2) + m.group(3) + m.group(4) + serial;
        if (luhnCheckDigit(nineDigits) != checkDigit) {
            throw new InvalidIdentityException("check digit does not match");
        }
        return new NormalisedIdentity("SE:%04d%02d%02d%s%d".formatted(year, month, day, serial, checkDigit));
    }

    /** The latest year ending in {@code yy} not after today, a century earlier for the {@code +} separator. */
    private static int inferYear(int yy, boolean centenarian, LocalDate today) {
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        return centenarian ? year - 100 : year;
    }

    static int luhnCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }
}
