package org.housingfirst.outcomes.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * <p>The ranges are the optima of integer programs, solved by ojAlgo per group of hidden cells that share relations
 * (the groups are independent). A range without an upper end (nothing bounds it from above) is wide enough. About ten
 * seconds for a table of some 200 hidden cells on two cores (six programs per cell, the cost in their number, not in
 * integrality: the linear relaxation takes as long and narrows the same cells): fine for an attacker in tests, too
 * slow for an audit on every request.
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
        Set<Integer> narrowed = new TreeSet<>();
        ranges(cube, hidden).forEach((cell, ranges) -> {
            if (ranges.narrowest() < k) {
                narrowed.add(cell);
            }
        });
        return narrowed;
    }

    /** Every hidden cell's ranges. */
    static Map<Integer, Ranges> ranges(RateCube cube, Set<Integer> hidden) {
        Map<Integer, Ranges> ranges = new LinkedHashMap<>();
        for (List<int[]> group : groups(cube, hidden)) {
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

    /* The relations that hold hidden cells, grouped so that no two groups share a hidden cell. */
    private static List<List<int[]>> groups(RateCube cube, Set<Integer> hidden) {
        Map<Integer, Integer> parent = new HashMap<>();
        for (int cell : hidden) {
            parent.put(cell, cell);
        }
        List<int[]> touching = new ArrayList<>();
        for (int[] relation : cube.relations) {
            int first = -1;
            for (int cell : relation) {
                if (hidden.contains(cell)) {
                    if (first < 0) {
                        first = cell;
                    } else {
                        parent.put(root(parent, cell), root(parent, first));
                    }
                }
            }
            if (first >= 0) {
                touching.add(relation);
            }
        }
        Map<Integer, List<int[]>> byRoot = new LinkedHashMap<>();
        for (int[] relation : touching) {
            for (int cell : relation) {
                if (hidden.contains(cell)) {
                    byRoot.computeIfAbsent(root(parent, cell), r -> new ArrayList<>())
                            .add(relation);
                    break;
                }
            }
        }
        // a hidden cell in no relation at all still gets its ranges (unbounded above)
        for (int cell : hidden) {
            if (!byRoot.containsKey(root(parent, cell))) {
                byRoot.put(root(parent, cell), new ArrayList<>(List.of(new int[] {cell})));
            }
        }
        return List.copyOf(byRoot.values());
    }

    private static int root(Map<Integer, Integer> parent, int cell) {
        int root = cell;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        parent.put(cell, root);
        return root;
    }

    /* One group's integer program: n and d per hidden cell, each relation an equation on numerators and one on d. */
    private static final class Component {

        private final RateCube cube;
        private final Set<Integer> hidden;
        private final List<int[]> relations;
        private final List<Integer> cells = new ArrayList<>();
        private final long unbounded;

        Component(RateCube cube, Set<Integer> hidden, List<int[]> relations) {
            this.cube = cube;
            this.hidden = hidden;
            this.relations = relations;
            long largest = 0;
            for (long denominator : cube.denominators) {
                largest = Math.max(largest, denominator);
            }
            this.unbounded = 4 * largest + 1_000;
            Set<Integer> seen = new TreeSet<>();
            for (int[] relation : relations) {
                for (int cell : relation) {
                    if (hidden.contains(cell) && seen.add(cell)) {
                        cells.add(cell);
                    }
                }
            }
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
                throw new IllegalStateException("the interval audit's program was " + result.getState());
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
