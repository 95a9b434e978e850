package org.housingfirst.outcomes.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The interval (bounds) attacker (issue 12). Linear elimination ({@link SubtractionAttacker}, the service's
 * {@link Derivability}) asks whether a hidden count follows exactly from the published ones; this attacker also knows
 * that counts are whole numbers, that 0 ≤ n ≤ d and that a hidden cell has at least one participant (d ≥ 1; empty cells
 * are published as zero). For every hidden cell it computes the smallest and largest numerator, denominator and
 * complement (d − n) that agree with every published relation, and reports the cell as <em>narrowed</em> when any of
 * the three ranges is less than k wide: two hidden cells of 6/6 and 5/5 beside a published 12/20 in a county of 23/31
 * are both 100 %, and two hidden cells whose denominators add up to 2 hold one person each.
 *
 * <p>The ranges are the optima of integer programs over numerators and denominators together, solved by ojAlgo per
 * group of hidden cells that share relations (the groups are independent; the grouping is the service's). A range
 * without an upper end (nothing bounds it from above) is wide enough. It shares nothing else with the service's
 * {@link IntervalAudit}: no relaxation, no programs over numerators or complements alone; its only saving is to skip a
 * quantity whose values over the optima already found spread k wide. Some seconds for a table of some 200 hidden
 * cells on two cores.
 */
final class IntervalAttacker {

    /** What an attacker learns about one hidden cell: the ranges of its numerator, denominator and complement. */
    record Ranges(long[] numerator, long[] denominator, long[] complement) {

        long narrowest() {
            return Math.min(width(numerator), Math.min(width(denominator), width(complement)));
        }

        private static long width(long[] range) {
            return range[1] == Long.MAX_VALUE ? Long.MAX_VALUE : range[1] - range[0];
        }
    }

    private IntervalAttacker() {}

    /** The hidden cells whose numerator, denominator or complement lies within a range less than {@code k} wide. */
    static Set<Integer> narrowed(RateCube cube, Set<Integer> hidden, int k) {
        return narrowed(cube, hidden, k, cell -> true);
    }

    /**
     * The cells of {@code hidden} that {@code asks} accepts whose numerator, denominator or complement lies within a
     * range less than {@code k} wide. The attacker saves work: each optimum is a whole table it cannot rule out, so a
     * cell whose values over the optima found so far already spread k wide needs no program of its own.
     */
    static Set<Integer> narrowed(RateCube cube, Set<Integer> hidden, int k, IntPredicate asks) {
        Set<Integer> narrowed = new TreeSet<>();
        for (List<int[]> group : IntervalAudit.groups(cube, hidden)) {
            Component component = new Component(cube, hidden, group);
            for (int cell : component.cells) {
                if (!asks.test(cell)) {
                    continue;
                }
                // a table of counts publishes no numerator: only the count (d) can be narrowed
                int[][] quantities = cube.counts ? new int[][] {{0, 1}} : new int[][] {{1, 0}, {0, 1}, {-1, 1}};
                for (int[] ab : quantities) {
                    if (component.seenWidth(cell, ab[0], ab[1]) >= k) {
                        continue;
                    }
                    long[] range = component.range(cell, ab[0], ab[1]);
                    if (range[1] != Long.MAX_VALUE && range[1] - range[0] < k) {
                        narrowed.add(cell);
                        break;
                    }
                }
            }
        }
        return narrowed;
    }

    /**
     * What an insider learns: the hidden cells of other municipalities that one municipality, knowing its own row,
     * confines to a range less than {@code k} wide.
     */
    static Set<Integer> narrowedByInsiders(RateCube cube, Set<Integer> hidden, int k) {
        Set<Integer> narrowed = new TreeSet<>();
        for (String region : cube.regions) {
            if (region.length() != 4) {
                continue;
            }
            int row = cube.regionIndex(region);
            Set<Integer> unknown = new HashSet<>(hidden);
            boolean ownHidden = false;
            for (int category = 0; category < cube.categories.size(); category++) {
                ownHidden |= unknown.remove(cube.cell(row, category));
            }
            if (!ownHidden) {
                continue; // it knows nothing the public does not
            }
            narrowed.addAll(narrowed(cube, unknown, k, cell -> {
                String of = cube.regions.get(cell / cube.categories.size());
                return of.length() == 4 && !of.equals(region);
            }));
        }
        return narrowed;
    }

    /** Every hidden cell's ranges. */
    static Map<Integer, Ranges> ranges(RateCube cube, Set<Integer> hidden) {
        Map<Integer, Ranges> ranges = new LinkedHashMap<>();
        for (List<int[]> group : IntervalAudit.groups(cube, hidden)) {
            Component component = new Component(cube, hidden, group);
            for (int cell : component.cells) {
                ranges.put(
                        cell,
                        new Ranges(
                                component.range(cell, 1, 0),
                                component.range(cell, 0, 1),
                                component.range(cell, -1, 1)));
            }
        }
        return ranges;
    }

    /* One group's integer program: n and d per hidden cell, each relation an equation on numerators and one on d. */
    private static final class Component {

        private final RateCube cube;
        private final Set<Integer> hidden;
        private final List<int[]> relations;
        private final List<Integer> cells = new ArrayList<>();
        private final long unbounded;
        /** Per cell, the numerators and denominators of every optimum found: {n, d} pairs. */
        private final Map<Integer, List<long[]>> seen = new HashMap<>();

        Component(RateCube cube, Set<Integer> hidden, List<int[]> relations) {
            this.cube = cube;
            this.hidden = hidden;
            this.relations = relations;
            long largest = 0;
            for (long denominator : cube.denominators) {
                largest = Math.max(largest, denominator);
            }
            this.unbounded = 4 * largest + 1_000;
            Set<Integer> member = new TreeSet<>();
            for (int[] relation : relations) {
                for (int cell : relation) {
                    if (hidden.contains(cell) && member.add(cell)) {
                        cells.add(cell);
                    }
                }
            }
        }

        /* How far apart a·n + b·d of one cell lies over the optima found so far. */
        long seenWidth(int cell, int a, int b) {
            long low = Long.MAX_VALUE;
            long high = Long.MIN_VALUE;
            for (long[] nd : seen.getOrDefault(cell, List.of())) {
                low = Math.min(low, a * nd[0] + b * nd[1]);
                high = Math.max(high, a * nd[0] + b * nd[1]);
            }
            return high < low ? 0 : high - low;
        }

        /* The smallest and largest value of a·n + b·d of one cell; Long.MAX_VALUE above when unbounded. */
        long[] range(int cell, int a, int b) {
            double low = solve(cell, a, b, false);
            double high = solve(cell, a, b, true);
            return new long[] {
                (long) Math.ceil(low - 1e-6), Double.isInfinite(high) ? Long.MAX_VALUE : (long) Math.floor(high + 1e-6)
            };
        }

        private double solve(int target, int a, int b, boolean maximise) {
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            Map<Integer, Variable> numerators = new HashMap<>();
            Map<Integer, Variable> denominators = new HashMap<>();
            for (int cell : cells) {
                // an upper bound beyond any count in the table stands for "unbounded", which integer solvers dislike
                Variable n =
                        model.addVariable("n" + cell).lower(0).upper(unbounded).integer(true);
                Variable d =
                        model.addVariable("d" + cell).lower(1).upper(unbounded).integer(true);
                numerators.put(cell, n);
                denominators.put(cell, d);
                Expression complement = model.addExpression("c" + cell).lower(0);
                complement.set(d, 1);
                complement.set(n, -1);
            }
            int r = 0;
            for (int[] relation : relations) {
                if (relation.length < 2) {
                    continue;
                }
                equation(model, "rn" + r, relation, numerators, cube.numerators);
                equation(model, "rd" + r, relation, denominators, cube.denominators);
                r++;
            }
            Expression objective = model.addExpression("objective").weight(1);
            objective.set(numerators.get(target), a);
            objective.set(denominators.get(target), b);
            Optimisation.Result result = maximise ? model.maximise() : model.minimise();
            if (result.getState() == Optimisation.State.UNBOUNDED
                    || (maximise && result.getValue() >= unbounded - 1e-6)) {
                return maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            if (!result.getState().isOptimal()) {
                throw new IllegalStateException("the interval attacker's program was " + result.getState());
            }
            for (int cell : cells) {
                seen.computeIfAbsent(cell, c -> new ArrayList<>()).add(new long[] {
                    Math.round(result.get(model.indexOf(numerators.get(cell))).doubleValue()),
                    Math.round(result.get(model.indexOf(denominators.get(cell))).doubleValue())
                });
            }
            return result.getValue();
        }

        /* parts − total = 0, published cells moved to the constant side. */
        private void equation(
                ExpressionsBasedModel model,
                String name,
                int[] relation,
                Map<Integer, Variable> unknown,
                long[] counts) {
            Expression equation = model.addExpression(name);
            long constant = 0;
            for (int i = 0; i < relation.length; i++) {
                int cell = relation[i];
                int coefficient = i == 0 ? -1 : 1;
                if (hidden.contains(cell)) {
                    equation.set(unknown.get(cell), coefficient);
                } else {
                    constant += coefficient * counts[cell];
                }
            }
            equation.level(-constant);
        }
    }
}
