package org.housingfirst.outcomes.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plays the attacker against a published table: knowing which cells add up to which (a total and its parts), finds
 * every hidden cell whose value follows from the published ones by any combination of additions and subtractions. A
 * hidden cell is derivable exactly when its unit vector lies in the row space of the relations restricted to the hidden
 * cells; the row space is reduced exactly, over the integers modulo a large prime.
 */
final class SubtractionAttacker {

    private static final long P = 1_000_000_007L;

    private SubtractionAttacker() {}

    /** The hidden cells an attacker can derive. {@code relations}: {total, part, part, ...} as cell indexes. */
    static Set<Integer> derivable(Set<Integer> hidden, List<int[]> relations) {
        Map<Integer, Integer> column = new HashMap<>();
        List<Integer> cells = new ArrayList<>(new TreeSet<>(hidden));
        for (int i = 0; i < cells.size(); i++) {
            column.put(cells.get(i), i);
        }
        List<long[]> rows = new ArrayList<>();
        for (int[] relation : relations) {
            long[] row = new long[cells.size()];
            boolean any = false;
            for (int i = 0; i < relation.length; i++) {
                Integer c = column.get(relation[i]);
                if (c != null) {
                    row[c] = Math.floorMod(row[c] + (i == 0 ? 1 : -1), P);
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        // reduced row echelon form
        int rank = 0;
        for (int c = 0; c < cells.size() && rank < rows.size(); c++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (rows.get(r)[c] != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] p = rows.get(pivot);
            rows.set(pivot, rows.get(rank));
            rows.set(rank, p);
            long inverse = power(p[c], P - 2);
            for (int j = 0; j < p.length; j++) {
                p[j] = p[j] * inverse % P;
            }
            for (int r = 0; r < rows.size(); r++) {
                long[] other = rows.get(r);
                if (r != rank && other[c] != 0) {
                    long factor = other[c];
                    for (int j = 0; j < other.length; j++) {
                        if (p[j] != 0) {
                            other[j] = Math.floorMod(other[j] - factor * p[j] % P, P);
                        }
                    }
                }
            }
            rank++;
        }
        Set<Integer> derivable = new TreeSet<>();
        for (int r = 0; r < rank; r++) {
            long[] row = rows.get(r);
            int nonZero = 0;
            int at = -1;
            for (int j = 0; j < row.length; j++) {
                if (row[j] != 0) {
                    nonZero++;
                    at = j;
                }
            }
            if (nonZero == 1) {
                derivable.add(cells.get(at));
            }
        }
        return derivable;
    }

    private static long power(long base, long exponent) {
        long result = 1;
        base %= P;
        while (exponent > 0) {
            if ((exponent & 1) == 1) {
                result = result * base % P;
            }
            base = base * base % P;
            exponent >>= 1;
        }
        return result;
    }
}
