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

    public static List<String> measureCodes() {
        return java.util.Arrays.stream(NationalMeasure.values())
                .map(NationalMeasure::code)
                .toList();
    }
}
