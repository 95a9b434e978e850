package org.housingfirst.identity;

import java.time.LocalDate;

/**
 * Norwegian fødselsnummer and D-nummer (first digit + 4): {@code DDMMYY} + individual number + two mod-11 check digits.
 * The first check digit may use the remainder offsets 0 to 3 that Skatteetaten allows for numbers issued from 2032
 * (domain brief §6.4). H-numbers and synthetic test numbers are rejected.
 */
final class NorwegianFodselsnummer {

    private static final int[] K1_WEIGHTS = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1};
    private static final int[] K2_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    private static final int D_NUMBER_DAY_OFFSET = 40;
    private static final int HIGHEST_ALLOWED_K1_REMAINDER = 3;

    private NorwegianFodselsnummer() {}

    static NormalisedIdentity normalise(String raw, LocalDate today) {
        String digits = raw.strip();
        if (!digits.matches("\\d{11}")) {
            throw new InvalidIdentityException("must be a fødselsnummer or D-nummer of 11 digits");
        }
        int[] d = digits.chars().map(c -> c - '0').toArray();
        int day = d[0] * 10 + d[1];
        int month = d[2] * 10 + d[3];
        int yy = d[4] * 10 + d[5];
        int individual = d[6] * 100 + d[7] * 10 + d[8];

        int birthDay = day > D_NUMBER_DAY_OFFSET ? day - D_NUMBER_DAY_OFFSET : day;
        int year = yy + century(individual, yy);
        BirthDates.requireValid(year, month, birthDay, today);
        if (weightedSum(d, K1_WEIGHTS) % 11 > HIGHEST_ALLOWED_K1_REMAINDER || weightedSum(d, K2_WEIGHTS) % 11 != 0) {
            throw new InvalidIdentityException("check digits do not match");
        }
        return new NormalisedIdentity("NO:" + digits);
    }

    private static int century(int individual, int yy) {
        if (individual <= 499) {
            return 1900;
        }
        if (yy <= 39) {
            return 2000;
        }
        if (individual >= 900) {
            return 1900;
        }
        if (individual <= 749 && yy >= 54) {
            return 1800;
        }
        throw new InvalidIdentityException("individual number does not fit the year of birth");
    }

    private static int weightedSum(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        return sum;
    }
}
