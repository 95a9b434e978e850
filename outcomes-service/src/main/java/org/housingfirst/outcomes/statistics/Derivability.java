package org.housingfirst.outcomes.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which hidden cells of a table follow exactly from its published cells and additive relations. Each relation
 * {total, part, ...} says total - parts = 0; moving the published (known) cells to the right-hand side leaves one
 * linear equation over the hidden cells. A hidden cell is exposed exactly when its unit vector lies in the span of
 * those equations. The span is kept in reduced row-echelon form with sparse rows, over the integers modulo the prime
 * 2^31 - 1 (the coefficients are small integers, so nothing is lost that rational arithmetic would keep).
 */
final class Derivability {

    private static final long P = 2_147_483_647L;

    private Derivability() {}

    /** The hidden cells an attacker knowing {@code relations} and every other cell can compute. */
    static Set<Integer> exposed(Set<Integer> hidden, List<int[]> relations) {
        Map<Integer, Map<Integer, Long>> basis = new HashMap<>(); // pivot column -> row, pivot coefficient 1
        Map<Integer, Set<Integer>> rowsWith = new HashMap<>(); // column -> pivots of the rows holding it
        for (int[] relation : relations) {
            Map<Integer, Long> row = new HashMap<>();
            for (int i = 0; i < relation.length; i++) {
                if (hidden.contains(relation[i])) {
                    row.merge(relation[i], i == 0 ? 1L : P - 1, (a, b) -> (a + b) % P);
                }
            }
            row.values().removeIf(v -> v == 0);
            reduce(row, basis);
            if (row.isEmpty()) {
                continue;
            }
            int pivot = row.keySet().stream().min(Integer::compare).orElseThrow();
            scale(row, inverse(row.get(pivot)));
            for (Integer other : new ArrayList<>(rowsWith.getOrDefault(pivot, Set.of()))) {
                Map<Integer, Long> target = basis.get(other);
                subtract(target, row, target.get(pivot), other, rowsWith);
            }
            basis.put(pivot, row);
            row.keySet()
                    .forEach(column -> rowsWith.computeIfAbsent(column, c -> new HashSet<>())
                            .add(pivot));
        }
        Set<Integer> exposed = new TreeSet<>();
        basis.forEach((pivot, row) -> {
            if (row.size() == 1) {
                exposed.add(pivot);
            }
        });
        return exposed;
    }

    /** Removes from {@code row} every column that is a pivot of the basis. */
    private static void reduce(Map<Integer, Long> row, Map<Integer, Map<Integer, Long>> basis) {
        List<Integer> pivots = new ArrayList<>();
        for (Integer column : row.keySet()) {
            if (basis.containsKey(column)) {
                pivots.add(column);
            }
        }
        // basis rows are reduced against each other, so each pivot is removed once and adds no other pivot
        for (Integer pivot : pivots) {
            Long factor = row.get(pivot);
            if (factor != null) {
                subtract(row, basis.get(pivot), factor, -1, null);
            }
        }
    }

    /** target -= factor * source; keeps {@code rowsWith} true for the basis row {@code targetPivot} when given. */
    private static void subtract(
            Map<Integer, Long> target,
            Map<Integer, Long> source,
            long factor,
            int targetPivot,
            Map<Integer, Set<Integer>> rowsWith) {
        source.forEach((column, value) -> {
            long next = Math.floorMod(target.getOrDefault(column, 0L) - factor * value % P, P);
            if (next == 0) {
                target.remove(column);
                if (rowsWith != null) {
                    rowsWith.get(column).remove(targetPivot);
                }
            } else {
                if (rowsWith != null && !target.containsKey(column)) {
                    rowsWith.computeIfAbsent(column, c -> new HashSet<>()).add(targetPivot);
                }
                target.put(column, next);
            }
        });
    }

    private static void scale(Map<Integer, Long> row, long factor) {
        row.replaceAll((column, value) -> value * factor % P);
    }

    private static long inverse(long value) {
        long result = 1;
        long base = value % P;
        for (long exponent = P - 2; exponent > 0; exponent >>= 1) {
            if ((exponent & 1) == 1) {
                result = result * base % P;
            }
            base = base * base % P;
        }
        return result;
    }
}
