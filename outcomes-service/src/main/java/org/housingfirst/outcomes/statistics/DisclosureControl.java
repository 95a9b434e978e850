package org.housingfirst.outcomes.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Threshold suppression with secondary suppression (domain brief §6.2). A cell is suppressed when its denominator,
 * numerator or complement is below k (primary); in a table of counts, when its count is. Then, as long as some additive relation (a total and its parts, across
 * the region hierarchy or a breakdown) has exactly one suppressed cell, which subtraction would reveal, one more cell of
 * that relation is suppressed: the part with the smallest denominator, or the total when no part is left. That rule is
 * necessary but not sufficient: chains of relations can still pin a hidden cell down (a "bridge" between two groups of
 * hidden cells). So the result is audited exactly ({@link Derivability}); while a hidden cell can be computed, the
 * published cell with the smallest denominator in the nearest relation that feeds the computation is hidden too, and
 * the rule and the audit run again. Cells without participants are never suppressed and never used to hide another:
 * their zero is public. Policy v3 runs the audit again as each municipality, which knows its own counts (insider
 * protection), and takes cells a revision must hide whatever their counts ({@link Publisher}). Policy v4 adds interval
 * protection: no reader, the public or a municipality, can confine a hidden count to a range less than k wide from the
 * relations, 0 ≤ n ≤ d, d ≥ 1 and integrality ({@link IntervalAudit}).
 */
final class DisclosureControl {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DisclosureControl.class);

    /** Why a cell is shown or hidden. */
    enum Status {
        PUBLISHED,
        NO_PARTICIPANTS,
        PRIMARY,
        SECONDARY;

        boolean suppressed() {
            return this == PRIMARY || this == SECONDARY;
        }
    }

    /**
     * Linear and integer programs the interval audit may solve per table ({@link IntervalAudit.Budget}). A county of 20
     * small municipalities needed about 8,000, one of 49 about 15,000 (docs/metrics.md).
     */
    static final long PROGRAMS_PER_TABLE = 20_000;

    private DisclosureControl() {}

    static String policy(int k) {
        return "k" + k + "-primary-secondary-insider-interval-v4";
    }

    /** Policy v4 for a table with no other release to be read beside it. */
    static Status[] apply(RateCube cube, int k) {
        return apply(cube, k, Set.of(), Set.of());
    }

    /**
     * Policy v4: cells that must be hidden whatever their counts ({@code forced}, see {@link Publisher}) with primary
     * suppression, the rule of two and the exact linear audit; then the audit as everyone who reads the table: the
     * public, who also know the cells of {@code known} from other releases, and each municipality, which knows those
     * and every cell of its own row. While a reader can compute a hidden cell (a municipality: of another
     * municipality), or, once none can, confine one to fewer than k values, the nearest published cell that reader does
     * not know is hidden too, and everything runs again.
     */
    static Status[] apply(RateCube cube, int k, Set<Integer> forced, Set<Integer> known) {
        return apply(cube, k, forced, known, new IntervalAudit.Budget(PROGRAMS_PER_TABLE));
    }

    /** Policy v4 with the interval audit's programs limited to {@code budget}. */
    static Status[] apply(RateCube cube, int k, Set<Integer> forced, Set<Integer> known, IntervalAudit.Budget budget) {
        Status[] status = ruleOfTwo(cube, k);
        for (int cell : forced) {
            if (status[cell] == Status.PUBLISHED) {
                status[cell] = Status.PRIMARY;
            }
        }
        protectSingles(cube, status);
        List<List<int[]>> byCell = relationsByCell(cube);
        audit(cube, status, byCell);
        List<Reader> readers = readers(cube, known);
        Set<Integer> beyondReach = new HashSet<>();
        Map<Reader, IntervalAudit.Observed> observed = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = linearPass(cube, status, byCell, readers, beyondReach)
                    || intervalPass(cube, k, status, byCell, readers, beyondReach, observed, budget);
        }
        if (budget.exhausted()) {
            LOG.warn(
                    "disclosure control: the interval audit of a table of {} cells used its budget of {} programs; cells"
                            + " it could not show to be safe were hidden",
                    cube.size(),
                    budget.spent());
        } else {
            LOG.debug(
                    "disclosure control: the interval audit of a table of {} cells solved {} programs",
                    cube.size(),
                    budget.spent());
        }
        return status;
    }

    /** Hides one more cell when some reader can compute a hidden cell it asks about; whether it did. */
    private static boolean linearPass(
            RateCube cube, Status[] status, List<List<int[]>> byCell, List<Reader> readers, Set<Integer> beyondReach) {
        for (Reader reader : readers) {
            Set<Integer> unknown = hidden(status);
            unknown.removeAll(reader.known());
            for (int cell : Derivability.exposed(unknown, cube.relations)) {
                if (reader.asks(cube, cell) && hideCover(cube, status, byCell, cell, reader, beyondReach)) {
                    audit(cube, status, byCell);
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Hides one more cell per group of hidden cells in which some reader can confine a cell it asks about to fewer than
     * k values ({@link IntervalAudit}); whether it did. A municipality is audited only in the groups its own hidden
     * cells join: the others are the public's, which passed.
     */
    private static boolean intervalPass(
            RateCube cube,
            int k,
            Status[] status,
            List<List<int[]>> byCell,
            List<Reader> readers,
            Set<Integer> beyondReach,
            Map<Reader, IntervalAudit.Observed> observed,
            IntervalAudit.Budget budget) {
        Set<Integer> hidden = hidden(status);
        Set<Integer> publicKnowledge = readers.getFirst().known();
        for (Reader reader : readers) {
            Set<Integer> unknown = new HashSet<>(hidden);
            unknown.removeAll(reader.known());
            Set<Integer> focus = null;
            if (reader.municipality() != null) {
                focus = new HashSet<>(hidden);
                focus.removeAll(unknown);
                focus.removeAll(publicKnowledge);
                if (focus.isEmpty()) {
                    continue;
                }
            }
            boolean changed = false;
            for (int cell : IntervalAudit.narrowed(
                    cube,
                    unknown,
                    k,
                    focus,
                    c -> reader.asks(cube, c),
                    observed.computeIfAbsent(reader, r -> new IntervalAudit.Observed()),
                    budget)) {
                changed |= hideCover(cube, status, byCell, cell, reader, beyondReach);
            }
            if (changed) {
                audit(cube, status, byCell);
                return true;
            }
        }
        return false;
    }

    /**
     * Hides the published cell nearest to {@code exposed} that the reader does not know; false when there is none:
     * every cell around it is public already (in other releases, or the reader's own), and nothing this table hides
     * can change what was published before.
     */
    private static boolean hideCover(
            RateCube cube,
            Status[] status,
            List<List<int[]>> byCell,
            int exposed,
            Reader reader,
            Set<Integer> beyondReach) {
        int cover = cover(cube, status, byCell, exposed, reader.known());
        if (cover < 0) {
            if (beyondReach.add(exposed)) {
                LOG.warn(
                        "disclosure control: {} {} can be narrowed from cells already public elsewhere",
                        cube.regions.get(exposed / cube.categories.size()),
                        cube.categories.get(exposed % cube.categories.size()));
            }
            return false;
        }
        status[cover] = Status.SECONDARY;
        protectSingles(cube, status);
        return true;
    }

    /**
     * Who reads a table, and what each knows beside the published cells: the public ({@code municipality} null) and
     * each municipality with participants (its own row, its figures under /api/v1/metrics).
     */
    record Reader(String municipality, Set<Integer> known) {

        /** The public asks about every hidden cell; a municipality about other municipalities' (a county or the nation holds its own people). */
        boolean asks(RateCube cube, int cell) {
            if (municipality == null) {
                return true;
            }
            String region = cube.regions.get(cell / cube.categories.size());
            return !known.contains(cell) && region.length() == 4 && !region.equals(municipality);
        }
    }

    static List<Reader> readers(RateCube cube, Set<Integer> known) {
        List<Reader> readers = new ArrayList<>();
        readers.add(new Reader(null, Set.copyOf(known)));
        for (int region = 0; region < cube.regions.size(); region++) {
            if (cube.regions.get(region).length() != 4) {
                continue;
            }
            Set<Integer> own = new HashSet<>(known);
            for (int category = 0; category < cube.categories.size(); category++) {
                own.add(cube.cell(region, category));
            }
            readers.add(new Reader(cube.regions.get(region), own));
        }
        return readers;
    }

    /** Policy v2: primary suppression, the rule of two and the exact linear audit; kept to show what v3 and v4 add. */
    static Status[] linear(RateCube cube, int k) {
        Status[] status = ruleOfTwo(cube, k);
        audit(cube, status, relationsByCell(cube));
        return status;
    }

    /** While a hidden cell can be computed from the published ones, hides the nearest published cell feeding it. */
    private static void audit(RateCube cube, Status[] status, List<List<int[]>> byCell) {
        for (Set<Integer> exposed = Derivability.exposed(hidden(status), cube.relations);
                !exposed.isEmpty();
                exposed = Derivability.exposed(hidden(status), cube.relations)) {
            int cover = cover(cube, status, byCell, exposed.iterator().next(), Set.of());
            if (cover < 0) {
                throw new IllegalStateException("a hidden cell is derivable though no published cell is related to it");
            }
            status[cover] = Status.SECONDARY;
            protectSingles(cube, status);
        }
    }

    /** Primary suppression and the rule of two, without the audit: policy v1, kept to show what the audit adds. */
    static Status[] ruleOfTwo(RateCube cube, int k) {
        Status[] status = new Status[cube.size()];
        for (int cell = 0; cell < status.length; cell++) {
            long denominator = cube.denominators[cell];
            long numerator = cube.numerators[cell];
            if (denominator == 0) {
                status[cell] = Status.NO_PARTICIPANTS;
            } else if (denominator < k || (!cube.counts && (numerator < k || denominator - numerator < k))) {
                status[cell] = Status.PRIMARY;
            } else {
                status[cell] = Status.PUBLISHED;
            }
        }
        protectSingles(cube, status);
        return status;
    }

    /** While a relation has exactly one suppressed cell, suppresses another of it. */
    private static void protectSingles(RateCube cube, Status[] status) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] relation : cube.relations) {
                int suppressed = 0;
                for (int cell : relation) {
                    suppressed += status[cell].suppressed() ? 1 : 0;
                }
                if (suppressed == 1) {
                    status[complement(cube, status, relation)] = Status.SECONDARY;
                    changed = true;
                }
            }
        }
    }

    /**
     * The published cell to hide so that {@code exposed} is computed from one more unknown: searching outwards from it
     * through relations of hidden cells, the first relations that hold a published cell give the candidates; the one
     * with the smallest denominator is taken; cells the viewpoint knows are neither taken nor searched through. -1
     * when there is none.
     */
    private static int cover(
            RateCube cube, Status[] status, List<List<int[]>> byCell, int exposed, Set<Integer> known) {
        Set<Integer> seen = new HashSet<>(List.of(exposed));
        List<Integer> level = List.of(exposed);
        while (!level.isEmpty()) {
            int best = -1;
            List<Integer> next = new ArrayList<>();
            for (int cell : level) {
                for (int[] relation : byCell.get(cell)) {
                    for (int other : relation) {
                        if (known.contains(other)) {
                            continue;
                        }
                        if (status[other] == Status.PUBLISHED) {
                            if (best < 0 || cube.denominators[other] < cube.denominators[best]) {
                                best = other;
                            }
                        } else if (status[other].suppressed() && seen.add(other)) {
                            next.add(other);
                        }
                    }
                }
            }
            if (best >= 0) {
                return best;
            }
            level = next;
        }
        return -1;
    }

    private static List<List<int[]>> relationsByCell(RateCube cube) {
        List<List<int[]>> byCell = new ArrayList<>();
        for (int cell = 0; cell < cube.size(); cell++) {
            byCell.add(new ArrayList<>());
        }
        for (int[] relation : cube.relations) {
            for (int cell : relation) {
                byCell.get(cell).add(relation);
            }
        }
        return byCell;
    }

    /** The suppressed cells. */
    static Set<Integer> hidden(Status[] status) {
        Set<Integer> hidden = new HashSet<>();
        for (int cell = 0; cell < status.length; cell++) {
            if (status[cell].suppressed()) {
                hidden.add(cell);
            }
        }
        return hidden;
    }

    private static int complement(RateCube cube, Status[] status, int[] relation) {
        int best = -1;
        for (int i = 1; i < relation.length; i++) {
            int cell = relation[i];
            if (status[cell] == Status.PUBLISHED && (best < 0 || cube.denominators[cell] < cube.denominators[best])) {
                best = cell;
            }
        }
        if (best < 0) {
            best = relation[0];
        }
        return best;
    }
}
