package org.housingfirst.outcomes.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reference period of national tables: a calendar quarter, coded {@code 2026Q3}, measured on its last day. */
record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern CODE = Pattern.compile("(\\d{4})Q([1-4])");

    static Quarter parse(String code) {
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a quarter: " + code);
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    static Quarter containing(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    LocalDate firstDay() {
        return LocalDate.of(year, quarter * 3 - 2, 1);
    }

    LocalDate lastDay() {
        return YearMonth.of(year, quarter * 3).atEndOfMonth();
    }

    Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    /** Every quarter from {@code first} through {@code last}. */
    static List<Quarter> range(Quarter first, Quarter last) {
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = first; q.compareTo(last) <= 0; q = q.next()) {
            quarters.add(q);
        }
        return quarters;
    }

    String code() {
        return year + "Q" + quarter;
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(year * 4 + quarter, other.year * 4 + other.quarter);
    }
}
