package org.housingfirst.outcomes.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.housingfirst.contracts.support.HomelessnessSituation;
import org.housingfirst.outcomes.projection.ParticipationProjection;

/**
 * The breakdown categories of national tables, one dimension whose codes are {@code TOTAL} and groups that each add up
 * to it: {@code SEX:*}, {@code AGE:*} (age in the year of first move-in), {@code COHORT:yyyy} (year of first move-in)
 * and, within each year, {@code COHORT:yyyyQn}; tables of enrolments have {@code SITUATION:*} instead of cohorts. Coarse
 * on purpose (domain brief §8.4).
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

    /**
     * The categories of a table of enrolments: TOTAL, sex, age band (age in the year of enrolment) and the country's
     * homelessness situations at entry ({@code SITUATION:*}, Socialstyrelsen's four in Sweden, the NIBR count's
     * categories in Norway), with {@code SITUATION:UNKNOWN} for a situation that is not one of the country's.
     */
    static List<String> enrolmentCategories(String country) {
        List<String> codes = new ArrayList<>();
        codes.add(TOTAL);
        codes.addAll(SEXES);
        codes.addAll(AGE_BANDS);
        for (HomelessnessSituation situation : HomelessnessSituation.values()) {
            if (situation.name().startsWith(country + "_")) {
                codes.add("SITUATION:" + situation.name());
            }
        }
        codes.add("SITUATION:UNKNOWN");
        return codes;
    }

    /** The categories of the fidelity table: TOTAL and who assessed, {@code ASSESSOR:EXTERNAL} or {@code ASSESSOR:SELF}. */
    static List<String> programmeCategories() {
        return List.of(TOTAL, "ASSESSOR:EXTERNAL", "ASSESSOR:SELF");
    }

    /** The categories one enrolment falls into, TOTAL first. */
    static List<String> of(ParticipationProjection.Enrolled enrolment, String country) {
        String situation = enrolment.homelessnessSituation();
        return List.of(
                TOTAL,
                "SEX:" + (enrolment.sex() == null ? "UNKNOWN" : enrolment.sex()),
                ageBand(enrolment.birthYear(), enrolment.enrolledOn().getYear()),
                "SITUATION:" + (situation != null && situation.startsWith(country + "_") ? situation : "UNKNOWN"));
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
}
