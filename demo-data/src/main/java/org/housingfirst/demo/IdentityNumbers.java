package org.housingfirst.demo;

import java.time.LocalDate;
import java.util.Random;

/**
 * Well-formed synthetic identity numbers: Swedish personnummer (Luhn check digit) and Norwegian fødselsnummer (two
 * mod-11 check digits). Serial numbers stay below the ranges used for test numbers, which the platform refuses.
 * The numbers are only ever sent to the services, which replace them by pseudonyms at once.
 */
final class IdentityNumbers {

    private static final int[] K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private IdentityNumbers() {}

    /** {@code YYYYMMDD-NNNC}. */
    static String personnummer(LocalDate birth, Random random) {
        String serial = String.format("%03d", 1 + random.nextInt(899));
        String digits =
                String.format("%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth())
                        + serial;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        int check = (10 - sum % 10) % 10;
        return String.format(
                "%04d%02d%02d-%s%d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), serial, check);
    }

    /** {@code DDMMYYIIIKK}, born 1900-1999 (individual numbers 000-499). */
    static String fodselsnummer(LocalDate birth, Random random) {
        if (birth.getYear() < 1900 || birth.getYear() > 1999) {
            throw new IllegalArgumentException("born 1900-1999 only");
        }
        while (true) {
            String digits = String.format(
                    "%02d%02d%02d%03d",
                    birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100, random.nextInt(500));
            int k1 = check(digits, K1);
            if (k1 == 10) {
                continue;
            }
            int k2 = check(digits + k1, K2);
            if (k2 == 10) {
                continue;
            }
            return digits + k1 + k2;
        }
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }
}
