package org.housingfirst.outcomes.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;

/**
 * Interval protection (issue 12): which hidden cells a reader can confine to a range less than k wide. The reader knows
 * the published cells, the additive relations, that counts are whole numbers, that 0 ≤ n ≤ d, and that a hidden cell
 * holds at least one participant (d ≥ 1: empty cells are published as zero). A hidden cell is <em>narrowed</em> when
 * its numerator, denominator or complement (d − n) can take values over a range less than k wide; in a table of counts
 * (numerators all 0), its count.
 *
 * <p>Exact, by linear and integer programs solved with ojAlgo per group of hidden cells that share relations (groups
 * are independent). Every whole-numbered optimum is a table the reader cannot tell from the true one, so it widens the
 * observed range of every cell of the group at once: the true counts open each range, programs over numerators or
 * complements alone widen most of them past k, and only what is still below k gets the exact programs over both,
 * whose optima are its bounds ({@link Group#firstNarrowed}). A fresh model per program: ojAlgo models re-solved with a
 * new objective gave wrong optima.
 */
final class IntervalAudit {

    /**
     * Nodes one integer program may explore. Branch and bound can take exponential time; stopped at this many nodes, its
     * best whole table so far still widens the ranges, and a range it did not show to be k wide counts as narrowed. One
     * thread, so that the nodes explored, and with them the table's suppression, are the same on every run.
     */
    static final int NODES = 1_000;

    private static final IntegerStrategy ONE_THREAD = IntegerStrategy.DEFAULT.withParallelism(() -> 1);

    /** Numerator, denominator and complement of a cell, as the coefficients of n and d. */
    private static final int[][] QUANTITIES = {{1, 0}, {0, 1}, {-1, 1}};

    private IntervalAudit() {}

    /**
     * What one reader has been seen to be unable to tell apart: per cell, the lowest and highest numerator, denominator
     * and complement of tables that agree with everything the reader knows. Kept while one table's suppression grows:
     * hiding more cells only adds tables the reader cannot rule out, so what was seen stays possible.
     */
    static final class Observed {

        private final Map<Integer, long[]> ranges = new HashMap<>();

        /** {low n, low d, low c, high n, high d, high c} of a cell; its true counts until a program moved it. */
        long[] of(RateCube cube, int cell) {
            return ranges.computeIfAbsent(cell, c -> {
                long[] range = new long[6];
                for (int q = 0; q < 3; q++) {
                    range[q] = value(q, cube.numerators[c], cube.denominators[c]);
                    range[q + 3] = range[q];
                }
                return range;
            });
        }
    }

    /**
     * How many linear and integer programs the audit of one table may still solve. Their number, and the size of each,
     * grow with a group of hidden cells and the municipalities that read it. Once the budget is spent, a range that no
     * optimum seen so far shows to be k wide counts as narrowed: the table hides more instead of taking longer. The
     * budget counts programs, not time, so a table gets the same suppression on any machine.
     */
    static final class Budget {

        private final long programs;
        private long spent;

        Budget(long programs) {
            this.programs = programs;
        }

        boolean take() {
            if (exhausted()) {
                return false;
            }
            spent++;
            return true;
        }

        /** Programs solved so far. */
        long spent() {
            return spent;
        }

        boolean exhausted() {
            return spent >= programs;
        }
    }

    /**
     * Per group of {@code unknown} cells (hidden and not otherwise known to the reader) that holds a relation with a cell
     * of {@code focus} (every group when null), the first cell the reader {@code asks} about whose numerator,
     * denominator or complement lies within a range less than {@code k} wide, given every other cell of the cube.
     */
    static List<Integer> narrowed(
            RateCube cube,
            Set<Integer> unknown,
            int k,
            Set<Integer> focus,
            IntPredicate asks,
            Observed observed,
            Budget budget) {
        long largest = 0;
        for (long denominator : cube.denominators) {
            largest = Math.max(largest, denominator);
        }
        // a bound beyond any count of the table stands for "no bound"; integer solvers dislike infinite ones
        long ceiling = 4 * largest + 1_000;
        List<Integer> narrowed = new ArrayList<>();
        for (List<int[]> group : groups(cube, unknown)) {
            if (focus == null || touches(group, focus)) {
                int cell = new Group(cube, unknown, group, k, ceiling, observed, budget).firstNarrowed(asks);
                if (cell >= 0) {
                    narrowed.add(cell);
                }
            }
        }
        return narrowed;
    }

    private static boolean touches(List<int[]> relations, Set<Integer> cells) {
        for (int[] relation : relations) {
            for (int cell : relation) {
                if (cells.contains(cell)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The relations that hold unknown cells, grouped so that no two groups share an unknown cell. */
    static List<List<int[]>> groups(RateCube cube, Set<Integer> unknown) {
        Map<Integer, Integer> parent = new HashMap<>();
        for (int cell : unknown) {
            parent.put(cell, cell);
        }
        List<int[]> touching = new ArrayList<>();
        for (int[] relation : cube.relations) {
            int first = -1;
            for (int cell : relation) {
                if (unknown.contains(cell)) {
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
        Map<Integer, List<int[]>> byRoot = new java.util.LinkedHashMap<>();
        for (int[] relation : touching) {
            for (int cell : relation) {
                if (unknown.contains(cell)) {
                    byRoot.computeIfAbsent(root(parent, cell), r -> new ArrayList<>())
                            .add(relation);
                    break;
                }
            }
        }
        for (int cell : unknown) {
            byRoot.computeIfAbsent(root(parent, cell), r -> new ArrayList<>(List.of(new int[] {cell})));
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

    /**
     * The programs: numerators alone beside the true complements, complements alone beside the true numerators, and
     * numerators and denominators together, relaxed (fractional) or in whole numbers.
     */
    private enum Program {
        NUMERATORS,
        COMPLEMENTS,
        JOINT,
        JOINT_WHOLE
    }

    /** One group's cells, the ranges observed so far and the programs that widen them. */
    private static final class Group {

        private final RateCube cube;
        private final List<int[]> relations;
        private final int k;
        private final int[] cells;
        private final Map<Integer, Integer> position = new HashMap<>();
        /** Per cell (by position), {low n, low d, low c, high n, high d, high c}: shared with {@link Observed}. */
        private final long[][] range;

        private final long ceiling;
        /** Per cell of the cube, d − n, filled for the cells of the group's relations. */
        private final long[] complements;

        private final Budget budget;

        Group(
                RateCube cube,
                Set<Integer> unknown,
                List<int[]> relations,
                int k,
                long ceiling,
                Observed observed,
                Budget budget) {
            this.cube = cube;
            this.budget = budget;
            this.relations = relations;
            this.k = k;
            Set<Integer> seen = new TreeSet<>();
            for (int[] relation : relations) {
                for (int cell : relation) {
                    if (unknown.contains(cell)) {
                        seen.add(cell);
                    }
                }
            }
            this.cells = seen.stream().mapToInt(Integer::intValue).toArray();
            this.ceiling = ceiling;
            this.complements = new long[cube.size()];
            for (int[] relation : relations) {
                for (int cell : relation) {
                    complements[cell] = cube.denominators[cell] - cube.numerators[cell];
                }
            }
            this.range = new long[cells.length][];
            for (int i = 0; i < cells.length; i++) {
                position.put(cells[i], i);
                range[i] = observed.of(cube, cells[i]);
            }
        }

        /**
         * The first cell {@code asks} accepts whose range of some quantity is less than k wide, or -1. Cheap programs
         * first: numerators alone, with the complements at their true counts (and the reverse), which are half the size
         * and whose optima are tables the reader cannot rule out (a cell that would be empty keeps a person: its lower
         * bound is 1 there). Each pushes every open quantity at once towards the side of its range seen least, while
         * that widens some; then each open quantity's own largest and smallest value. What is still open gets the exact
         * programs over numerators and denominators together: their optima are its bounds.
         */
        int firstNarrowed(IntPredicate asks) {
            for (int open = open(asks), before = Integer.MAX_VALUE; open > 0 && open < before; ) {
                long[][] objective = new long[3][cells.length];
                for (int q = 0; q < 3; q++) {
                    for (int i = 0; i < cells.length; i++) {
                        if (!wide(q, i) && asks.test(cells[i])) {
                            long now = value(q, cube.numerators[cells[i]], cube.denominators[cells[i]]);
                            objective[q][i] = range[i][q + 3] - now <= now - range[i][q] ? 1 : -1;
                        }
                    }
                }
                solve(Program.NUMERATORS, objective, true);
                solve(Program.COMPLEMENTS, objective, true);
                before = open;
                open = open(asks);
            }
            for (int q = 0; q < 3; q++) {
                for (int i = 0; i < cells.length; i++) {
                    if (wide(q, i) || !asks.test(cells[i])) {
                        continue;
                    }
                    long[][] objective = new long[3][cells.length];
                    objective[q][i] = 1;
                    Program alone = q == 2 ? Program.COMPLEMENTS : Program.NUMERATORS;
                    for (boolean maximise : new boolean[] {true, false}) {
                        if (!wide(q, i)) {
                            solve(alone, objective, maximise);
                        }
                    }
                    if (!wide(q, i) && !exactlyWide(objective, q, i)) {
                        return cells[i];
                    }
                }
            }
            return -1;
        }

        /**
         * Whether the exact range of quantity q of cell i is k wide: the relaxed programs' optima bound it from outside
         * (narrower than k: narrowed), and when they are whole tables, from inside; otherwise the integer programs, while
         * the budget lasts. Without them the range counts as narrowed.
         */
        private boolean exactlyWide(long[][] objective, int q, int i) {
            double high = solve(Program.JOINT, objective, true);
            double low = solve(Program.JOINT, objective, false);
            if (high - low < k - 1e-6 || wide(q, i)) { // false for NaN: no optimum decides nothing
                return wide(q, i);
            }
            solve(Program.JOINT_WHOLE, objective, true);
            solve(Program.JOINT_WHOLE, objective, false);
            return wide(q, i);
        }

        private int open(IntPredicate asks) {
            int open = 0;
            for (int q = 0; q < 3; q++) {
                for (int i = 0; i < cells.length; i++) {
                    open += wide(q, i) || !asks.test(cells[i]) ? 0 : 1;
                }
            }
            return open;
        }

        /** Whether quantity q of cell i is known to span k values; a table of counts has no numerator to narrow. */
        private boolean wide(int q, int i) {
            return (q == 0 && cube.counts) || range[i][q + 3] >= ceiling - 1 || range[i][q + 3] - range[i][q] >= k;
        }

        /**
         * Maximises or minimises Σ objective[q][i]·quantity under one program; a whole-numbered optimum widens the
         * observed ranges. Returns the optimum's value, NaN when the solver found none.
         */
        private double solve(Program program, long[][] objective, boolean maximise) {
            if (!budget.take()) {
                return Double.NaN;
            }
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            if (program == Program.JOINT_WHOLE) {
                model.options.iterations_abort = NODES;
                model.options.integer(ONE_THREAD);
            }
            boolean joint = program == Program.JOINT || program == Program.JOINT_WHOLE;
            Variable[] numerators = new Variable[cells.length];
            Variable[] denominators = new Variable[cells.length];
            for (int i = 0; i < cells.length; i++) {
                long n = cube.numerators[cells[i]];
                long c = cube.denominators[cells[i]] - n;
                // numerators alone stand beside the true complements, and complements beside the true numerators;
                // either way a cell keeps at least one person
                numerators[i] = model.addVariable("x" + i)
                        .lower(
                                program == Program.NUMERATORS && c == 0 || program == Program.COMPLEMENTS && n == 0
                                        ? 1
                                        : 0)
                        .upper(ceiling)
                        .integer(program == Program.JOINT_WHOLE);
                if (joint) {
                    denominators[i] =
                            model.addVariable("d" + i).lower(1).upper(ceiling).integer(program == Program.JOINT_WHOLE);
                    Expression complement = model.addExpression("c" + i).lower(0);
                    complement.set(denominators[i], 1);
                    complement.set(numerators[i], -1);
                }
            }
            int r = 0;
            for (int[] relation : relations) {
                if (relation.length > 1) {
                    equation(
                            model,
                            "r" + r,
                            relation,
                            numerators,
                            program == Program.COMPLEMENTS ? complements : cube.numerators);
                    if (joint) {
                        equation(model, "rd" + r, relation, denominators, cube.denominators);
                    }
                    r++;
                }
            }
            Expression target = model.addExpression("objective").weight(1);
            for (int i = 0; i < cells.length; i++) {
                // n = x, d = x + true c, c = true c (numerators alone); n = true n, d = true n + x, c = x
                // (complements alone); n = x, d = y, c = y - x (together)
                long x = objective[0][i] + objective[1][i];
                long y = 0;
                if (program == Program.COMPLEMENTS) {
                    x = objective[1][i] + objective[2][i];
                } else if (joint) {
                    x = objective[0][i] - objective[2][i];
                    y = objective[1][i] + objective[2][i];
                }
                if (x != 0) {
                    target.set(numerators[i], x);
                }
                if (y != 0) {
                    target.set(denominators[i], y);
                }
            }
            Optimisation.Result result = maximise ? model.maximise() : model.minimise();
            // the true counts satisfy every program, but branch and bound may stop at its node limit, or now and then
            // give up: its best whole table, if any, still widens the ranges, but its value bounds nothing, so a range
            // it would have decided counts as narrowed: the policy hides more rather than less
            boolean optimal = result.getState().isOptimal();
            if (!optimal
                    && !(program == Program.JOINT_WHOLE && result.getState().isFeasible())) {
                return Double.NaN;
            }
            double bound = optimal ? result.getValue() : Double.NaN;
            int width = joint ? 2 : 1;
            long[][] values = new long[cells.length][];
            for (int i = 0; i < cells.length; i++) {
                double x = result.doubleValue(width * i);
                double y = joint ? result.doubleValue(width * i + 1) : 0;
                if (Math.abs(x - Math.rint(x)) > 1e-6 || Math.abs(y - Math.rint(y)) > 1e-6) {
                    return bound;
                }
                long n = cube.numerators[cells[i]];
                long d = cube.denominators[cells[i]];
                values[i] = switch (program) {
                    case NUMERATORS -> new long[] {Math.round(x), d - n + Math.round(x)};
                    case COMPLEMENTS -> new long[] {n, n + Math.round(x)};
                    default -> new long[] {Math.round(x), Math.round(y)};
                };
            }
            for (int i = 0; i < cells.length; i++) {
                for (int q = 0; q < 3; q++) {
                    long value = value(q, values[i][0], values[i][1]);
                    range[i][q] = Math.min(range[i][q], value);
                    range[i][q + 3] = Math.max(range[i][q + 3], value);
                }
            }
            return bound;
        }

        /** parts − total = 0 over the unknown cells, the others' counts moved to the constant side. */
        private void equation(
                ExpressionsBasedModel model, String name, int[] relation, Variable[] variables, long[] counts) {
            Expression equation = model.addExpression(name);
            long constant = 0;
            for (int i = 0; i < relation.length; i++) {
                int cell = relation[i];
                int coefficient = i == 0 ? -1 : 1;
                Integer at = position.get(cell);
                if (at != null) {
                    equation.set(variables[at], coefficient);
                } else {
                    constant += coefficient * counts[cell];
                }
            }
            equation.level(-constant);
        }
    }

    private static long value(int q, long n, long d) {
        return QUANTITIES[q][0] * n + QUANTITIES[q][1] * d;
    }
}
