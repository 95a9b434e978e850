package org.housingfirst.outcomes.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.outcomes.statistics.NationalMeasure.Contribution;

/**
 * Numerators and denominators of one measure for one reference date by region (nation, counties, municipalities with
 * participants) and breakdown category, with the additive relations between cells that disclosure control protects. A
 * table of counts ({@link #counts}) keeps each count as its denominator.
 */
final class RateCube {

    final List<String> regions;
    final Map<String, String> regionLabels;
    final List<String> categories;
    final long[] numerators;
    final long[] denominators;
    /** Each relation is {total, part, part, ...} as cell indexes: the total's counts are the sum of the parts'. */
    final List<int[]> relations;
    /** Participations in municipalities the code list does not know; left out of the table. */
    final int unlisted;
    /**
     * A table of counts of persons rather than of a rate: each cell's count is its denominator, its numerator is 0, and
     * disclosure control protects the count alone.
     */
    final boolean counts;
    /**
     * In a table of means (a count with values), per value code the sum over each cell's units of their value, and the
     * sum of their squares: additive across regions and breakdowns as the counts are. Empty in other tables.
     */
    final Map<String, double[]> sums;

    final Map<String, double[]> squares;

    private final Map<String, Integer> regionIndex;
    private final Map<String, Integer> categoryIndex;

    private RateCube(
            List<String> regions,
            Map<String, String> regionLabels,
            List<String> categories,
            long[] numerators,
            long[] denominators,
            List<int[]> relations,
            int unlisted,
            boolean counts,
            Map<String, double[]> sums,
            Map<String, double[]> squares) {
        this.regions = regions;
        this.regionLabels = regionLabels;
        this.categories = categories;
        this.numerators = numerators;
        this.denominators = denominators;
        this.relations = relations;
        this.unlisted = unlisted;
        this.counts = counts;
        this.sums = sums;
        this.squares = squares;
        this.regionIndex = index(regions);
        this.categoryIndex = index(categories);
    }

    /** The index of the cell with the same region and category as {@code cell} of another cube, or -1. */
    int indexOf(RateCube other, int cell) {
        Integer region = regionIndex.get(other.regions.get(cell / other.categories.size()));
        Integer category = categoryIndex.get(other.categories.get(cell % other.categories.size()));
        return region == null || category == null ? -1 : cell(region, category);
    }

    int regionIndex(String code) {
        return regionIndex.getOrDefault(code, -1);
    }

    int categoryIndex(String code) {
        return categoryIndex.getOrDefault(code, -1);
    }

    int cell(int region, int category) {
        return region * categories.size() + category;
    }

    int size() {
        return numerators.length;
    }

    /**
     * One person counted in a table: the municipality they are attributed to, every breakdown category they fall into
     * (TOTAL first), and whether they count in the numerator (never in a table of counts).
     */
    record Unit(String municipality, List<String> categories, boolean numerator, Map<String, Double> values) {

        /** A unit without values, counted in a rate or a count. */
        Unit(String municipality, List<String> categories, boolean numerator) {
            this(municipality, categories, numerator, Map.of());
        }
    }

    /** A table of a measure over housing histories alone: each participation's contribution on the reference date. */
    static RateCube build(
            CodeList codeList, NationalMeasure measure, List<Participation> participations, LocalDate asOf) {
        return build(codeList, measure, participations, asOf, null);
    }

    /**
     * A table of a measure over participations: each one's contribution on the reference date, given the quarter's
     * {@link Circumstances} where the measure needs them.
     */
    static RateCube build(
            CodeList codeList,
            NationalMeasure measure,
            List<Participation> participations,
            LocalDate asOf,
            Circumstances circumstances) {
        return build(
                codeList,
                participations,
                participation -> {
                    Contribution contribution = measure.contribution(participation, asOf, circumstances);
                    return contribution == Contribution.NONE
                            ? null
                            : new Unit(
                                    participation.municipality(),
                                    Breakdowns.of(participation),
                                    contribution == Contribution.NUMERATOR);
                },
                measure.counts(),
                List.of());
    }

    /**
     * A table of participations: each one's unit, or null where it does not count, under the breakdown categories
     * with a cohort for every year in which someone counted in a listed municipality first moved in.
     */
    static RateCube build(
            CodeList codeList,
            List<Participation> participations,
            Function<Participation, Unit> unitOf,
            boolean counts,
            List<String> values) {
        List<Unit> units = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (Participation participation : participations) {
            Unit unit = unitOf.apply(participation);
            if (unit == null) {
                continue;
            }
            units.add(unit);
            if (codeList.countyOf(participation.municipality()) != null) {
                years.add(participation.firstMoveIn().getYear());
            }
        }
        return build(codeList, Breakdowns.categories(years), units, counts, values);
    }

    /**
     * A table from the persons it counts: regions are the nation, its counties and the municipalities with anyone
     * counted; persons in municipalities the code list does not know are left out (and counted as unlisted).
     */
    static RateCube build(CodeList codeList, List<String> categories, List<Unit> units, boolean counts) {
        return build(codeList, categories, units, counts, List.of());
    }

    /**
     * As {@link #build(CodeList, List, List, boolean)}, for a table of means: each unit's value of every code in
     * {@code values} is added to the sums and squares of its cells.
     */
    static RateCube build(
            CodeList codeList, List<String> categories, List<Unit> units, boolean counts, List<String> values) {
        TreeSet<String> municipalities = new TreeSet<>();
        List<Unit> listed = new ArrayList<>(units.size());
        int unlisted = 0;
        for (Unit unit : units) {
            if (codeList.countyOf(unit.municipality()) == null) {
                unlisted++;
                continue;
            }
            listed.add(unit);
            municipalities.add(unit.municipality());
        }
        List<String> regions = new ArrayList<>();
        regions.add(codeList.country());
        regions.addAll(codeList.counties().keySet());
        regions.addAll(municipalities);
        Map<String, Integer> regionIndex = index(regions);
        Map<String, Integer> categoryIndex = index(categories);
        long[] numerators = new long[regions.size() * categories.size()];
        long[] denominators = new long[numerators.length];
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, double[]> squares = new LinkedHashMap<>();
        values.forEach(code -> {
            sums.put(code, new double[numerators.length]);
            squares.put(code, new double[numerators.length]);
        });
        for (Unit unit : listed) {
            String municipality = unit.municipality();
            int[] rows = {
                regionIndex.get(codeList.country()),
                regionIndex.get(codeList.countyOf(municipality)),
                regionIndex.get(municipality)
            };
            for (String category : unit.categories()) {
                int column = categoryIndex.get(category);
                for (int row : rows) {
                    int cell = row * categories.size() + column;
                    denominators[cell]++;
                    numerators[cell] += unit.numerator() ? 1 : 0;
                    for (String code : values) {
                        double value = unit.values().get(code);
                        sums.get(code)[cell] += value;
                        squares.get(code)[cell] += value * value;
                    }
                }
            }
        }
        return of(codeList, regions, categories, numerators, denominators, unlisted, counts, sums, squares);
    }

    /**
     * A cube from its counts, with the additive relations of its regions (nation, counties, municipalities) and
     * breakdown categories: how a frozen release's cells are read back.
     */
    static RateCube of(
            CodeList codeList,
            List<String> regions,
            List<String> categories,
            long[] numerators,
            long[] denominators,
            int unlisted,
            boolean counts) {
        return of(codeList, regions, categories, numerators, denominators, unlisted, counts, Map.of(), Map.of());
    }

    /** As above, for a table of means with its sums and sums of squares per value code. */
    static RateCube of(
            CodeList codeList,
            List<String> regions,
            List<String> categories,
            long[] numerators,
            long[] denominators,
            int unlisted,
            boolean counts,
            Map<String, double[]> sums,
            Map<String, double[]> squares) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> all = codeList.regionLabels();
        regions.forEach(code -> labels.put(code, all.get(code)));
        Map<String, Integer> regionIndex = index(regions);
        Map<String, Integer> categoryIndex = index(categories);
        List<int[]> relations = new ArrayList<>();
        int width = categories.size();
        List<int[]> groups = Breakdowns.sums(categories).stream()
                .map(sum -> sum.stream().mapToInt(categoryIndex::get).toArray())
                .toList();
        for (int region = 0; region < regions.size(); region++) {
            for (int[] sum : groups) {
                int[] relation = new int[sum.length];
                for (int i = 0; i < sum.length; i++) {
                    relation[i] = region * width + sum[i];
                }
                relations.add(relation);
            }
        }
        Map<String, List<Integer>> children = new LinkedHashMap<>();
        for (String region : regions.subList(1, regions.size())) {
            String parent = region.length() == 2 ? codeList.country() : region.substring(0, 2);
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(regionIndex.get(region));
        }
        children.forEach((parent, parts) -> {
            for (int column = 0; column < width; column++) {
                int[] relation = new int[parts.size() + 1];
                relation[0] = regionIndex.get(parent) * width + column;
                for (int i = 0; i < parts.size(); i++) {
                    relation[i + 1] = parts.get(i) * width + column;
                }
                relations.add(relation);
            }
        });
        return new RateCube(
                List.copyOf(regions),
                labels,
                List.copyOf(categories),
                numerators,
                denominators,
                relations,
                unlisted,
                counts,
                sums,
                squares);
    }

    private static Map<String, Integer> index(List<String> codes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            index.put(codes.get(i), i);
        }
        return index;
    }
}
