package org.housingfirst.outcomes.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.housingfirst.contracts.geography.CodeList;

/** A national table's cells computed from a list of participations, for tests that check the service's tables. */
public final class ReferenceTables {

    /**
     * A cell: its counts, and whether disclosure control hides it.
     *
     * @param published false when suppressed
     */
    public record Cell(long numerator, long denominator, boolean published) {}

    private ReferenceTables() {}

    /** Cells by {@code region|category}, e.g. {@code 12|SEX:FEMALE}; regions without participants are absent. */
    public static Map<String, Cell> cells(
            CodeList codeList, String measureCode, List<Participation> participations, LocalDate asOf, int k) {
        NationalMeasure measure = java.util.Arrays.stream(NationalMeasure.values())
                .filter(m -> m.code().equals(measureCode))
                .findFirst()
                .orElseThrow();
        RateCube cube = RateCube.build(codeList, measure, participations, asOf);
        DisclosureControl.Status[] status = DisclosureControl.apply(cube, k);
        Map<String, Cell> cells = new HashMap<>();
        for (int r = 0; r < cube.regions.size(); r++) {
            for (int c = 0; c < cube.categories.size(); c++) {
                int cell = cube.cell(r, c);
                cells.put(
                        cube.regions.get(r) + "|" + cube.categories.get(c),
                        new Cell(cube.numerators[cell], cube.denominators[cell], !status[cell].suppressed()));
            }
        }
        return cells;
    }

    /**
     * A cell's counts {numerator, denominator} as the service counts them from everything stored, before disclosure
     * control; {0, 0} for a region without anyone counted.
     */
    public static long[] counts(
            org.springframework.context.ApplicationContext service,
            String tableId,
            String quarter,
            String region,
            String category) {
        NationalTables tables = service.getBean(NationalTables.class);
        RateCube cube = tables.cube(tables.definition(tableId).orElseThrow(), Quarter.parse(quarter));
        int r = cube.regionIndex(region);
        int c = cube.categoryIndex(category);
        if (r < 0 || c < 0) {
            return new long[] {0, 0};
        }
        int cell = cube.cell(r, c);
        return new long[] {cube.numerators[cell], cube.denominators[cell]};
    }

    /**
     * The measures computed from housing histories alone, which a reference that rebuilds the histories can check; the
     * measures of enrolments, leases, support and programmes need other facts.
     */
    public static List<String> measureCodes() {
        return java.util.Arrays.stream(NationalMeasure.values())
                .filter(m -> (m.kind() == NationalMeasure.Kind.RATE || m.kind() == NationalMeasure.Kind.HOUSED_COUNT)
                        && !m.needsCircumstances())
                .map(NationalMeasure::code)
                .toList();
    }
}
