package org.housingfirst.outcomes.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The breakdown categories of national tables, one dimension whose codes are {@code TOTAL} and groups that each add up
 * to it: {@code SEX:*}, {@code AGE:*} (age in the year of first move-in), {@code COHORT:yyyy} (year of first move-in)
 * and, within each year, {@code COHORT:yyyyQn}. Coarse on purpose (domain brief §8.4).
 */
public final class Breakdowns {

    static final String TOTAL = "TOTAL";
    private static final java.util.regex.Pattern QUARTER_COHORT = java.util.regex.Pattern.compile("COHORT:\\d{4}Q\\d");
    static final List<String> SEXES = List.of("SEX:FEMALE", "SEX:MALE", "SEX:OTHER", "SEX:UNKNOWN");
    static final List<String> AGE_BANDS =
            List.of("AGE:-24", "AGE:25-34", "AGE:35-44", "AGE:45-54", "AGE:55-64", "AGE:65-", "AGE:UNKNOWN");

    /** The breakdowns of a municipality's own figures. */
    public enum By {
        SEX,
        AGE_BAND,
        COHORT_YEAR,
        COHORT_QUARTER,
        PROGRAMME
    }

    private Breakdowns() {}

    /** The category code of a participation in one breakdown, e.g. {@code SEX:FEMALE} or {@code PROGRAMME:p1}. */
    public static String category(Participation participation, By by) {
        if (by == By.PROGRAMME) {
            return "PROGRAMME:" + (participation.programme() == null ? "UNKNOWN" : participation.programme());
        }
        return of(participation).get(by.ordinal() + 1);
    }

    /** Every category code in table order, for the move-in years present. */
    static List<String> categories(SortedSet<Integer> cohortYears) {
        List<String> codes = new ArrayList<>();
        codes.add(TOTAL);
        codes.addAll(SEXES);
        codes.addAll(AGE_BANDS);
        cohortYears.forEach(year -> codes.add("COHORT:" + year));
        cohortYears.forEach(year -> {
            for (int quarter = 1; quarter <= 4; quarter++) {
                codes.add("COHORT:" + year + "Q" + quarter);
            }
        });
        return codes;
    }

    /** The categories one participation falls into, TOTAL first. */
    static List<String> of(Participation participation) {
        LocalDate moveIn = participation.firstMoveIn();
        return List.of(
                TOTAL,
                "SEX:" + (participation.sex() == null ? "UNKNOWN" : participation.sex()),
                ageBand(participation.birthYear(), moveIn.getYear()),
                "COHORT:" + moveIn.getYear(),
                "COHORT:" + moveIn.getYear() + "Q" + ((moveIn.getMonthValue() - 1) / 3 + 1));
    }

    static String ageBand(Integer birthYear, int year) {
        if (birthYear == null) {
            return "AGE:UNKNOWN";
        }
        int age = year - birthYear;
        if (age < 25) {
            return "AGE:-24";
        }
        if (age >= 65) {
            return "AGE:65-";
        }
        int lower = 25 + (age - 25) / 10 * 10;
        return "AGE:" + lower + "-" + (lower + 9);
    }

    /** The groups of categories that add up to another category: {total, parts...} as codes. */
    static List<List<String>> sums(List<String> categories) {
        Map<String, List<String>> sums = new LinkedHashMap<>();
        for (String code : categories) {
            if (code.equals(TOTAL)) {
                continue;
            }
            String group = code.substring(0, code.indexOf(':'));
            if (QUARTER_COHORT.matcher(code).matches()) {
                sums.computeIfAbsent(code.substring(0, code.length() - 2), k -> new ArrayList<>())
                        .add(code);
            } else {
                sums.computeIfAbsent(group, k -> new ArrayList<>()).add(code);
            }
        }
        List<List<String>> equations = new ArrayList<>();
        sums.forEach((total, parts) -> {
            List<String> equation = new ArrayList<>();
            equation.add(total.contains(":") ? total : TOTAL);
            equation.addAll(parts);
            equations.add(equation);
        });
        return equations;
    }

    static String label(String code) {
        if (code.equals(TOTAL)) {
            return "Total";
        }
        String value = code.substring(code.indexOf(':') + 1);
        return switch (code.substring(0, code.indexOf(':'))) {
            case "SEX" -> "Sex: " + value.toLowerCase(java.util.Locale.ROOT);
            case "AGE" ->
                "Age "
                        + (value.startsWith("-")
                                        ? "up to " + value.substring(1)
                                        : value.endsWith("-")
                                                ? value.substring(0, value.length() - 1) + " and over"
                                                : value)
                                .toLowerCase(java.util.Locale.ROOT);
            default -> "Moved in " + value.replace("Q", " Q");
        };
    }
}
