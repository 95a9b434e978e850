package org.housingfirst.outcomes.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.outcomes.statistics.NationalMeasure.Contribution;

/**
 * Numerators and denominators of one measure for one reference date by region (nation, counties, municipalities with
 * participants) and breakdown category, with the additive relations between cells that disclosure control protects.
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

    private final Map<String, Integer> regionIndex;
    private final Map<String, Integer> categoryIndex;

    private RateCube(
            List<String> regions,
            Map<String, String> regionLabels,
            List<String> categories,
            long[] numerators,
            long[] denominators,
            List<int[]> relations,
            int unlisted) {
        this.regions = regions;
        this.regionLabels = regionLabels;
        this.categories = categories;
        this.numerators = numerators;
        this.denominators = denominators;
        this.relations = relations;
        this.unlisted = unlisted;
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

    static RateCube build(
            CodeList codeList, NationalMeasure measure, List<Participation> participations, LocalDate asOf) {
        record Counted(Participation participation, boolean numerator) {}
        List<Counted> counted = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        TreeSet<String> municipalities = new TreeSet<>();
        int unlisted = 0;
        for (Participation participation : participations) {
            Contribution contribution = measure.contribution(participation, asOf);
            if (contribution == Contribution.NONE) {
                continue;
            }
            if (codeList.countyOf(participation.municipality()) == null) {
                unlisted++;
                continue;
            }
            counted.add(new Counted(participation, contribution == Contribution.NUMERATOR));
            years.add(participation.firstMoveIn().getYear());
            municipalities.add(participation.municipality());
        }
        List<String> regions = new ArrayList<>();
        regions.add(codeList.country());
        regions.addAll(codeList.counties().keySet());
        regions.addAll(municipalities);
        List<String> categories = Breakdowns.categories(years);
        Map<String, Integer> regionIndex = index(regions);
        Map<String, Integer> categoryIndex = index(categories);
        long[] numerators = new long[regions.size() * categories.size()];
        long[] denominators = new long[numerators.length];
        for (Counted c : counted) {
            String municipality = c.participation().municipality();
            int[] rows = {
                regionIndex.get(codeList.country()),
                regionIndex.get(codeList.countyOf(municipality)),
                regionIndex.get(municipality)
            };
            for (String category : Breakdowns.of(c.participation())) {
                int column = categoryIndex.get(category);
                for (int row : rows) {
                    int cell = row * categories.size() + column;
                    denominators[cell]++;
                    numerators[cell] += c.numerator() ? 1 : 0;
                }
            }
        }
        return of(codeList, regions, categories, numerators, denominators, unlisted);
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
            int unlisted) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> all = codeList.regionLabels();
        regions.forEach(code -> labels.put(code, all.get(code)));
        Map<String, Integer> regionIndex = index(regions);
        Map<String, Integer> categoryIndex = index(categories);
        List<int[]> relations = new ArrayList<>();
        int width = categories.size();
        List<int[]> sums = Breakdowns.sums(categories).stream()
                .map(sum -> sum.stream().mapToInt(categoryIndex::get).toArray())
                .toList();
        for (int region = 0; region < regions.size(); region++) {
            for (int[] sum : sums) {
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
                List.copyOf(regions), labels, List.copyOf(categories), numerators, denominators, relations, unlisted);
    }

    private static Map<String, Integer> index(List<String> codes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            index.put(codes.get(i), i);
        }
        return index;
    }
}
