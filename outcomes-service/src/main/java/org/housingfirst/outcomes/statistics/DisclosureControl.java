package org.housingfirst.outcomes.statistics;

/**
 * Threshold suppression with secondary suppression (domain brief §6.2). A cell is suppressed when its denominator,
 * numerator or complement is below k (primary). Then, as long as some additive relation (a total and its parts, across
 * the region hierarchy or a breakdown) has exactly one suppressed cell, which subtraction would reveal, one more cell of
 * that relation is suppressed: the part with the smallest denominator, or the total when no part is left. Cells
 * without participants are never suppressed and never used to hide another: their zero is public.
 */
final class DisclosureControl {

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

    private DisclosureControl() {}

    static String policy(int k) {
        return "k" + k + "-primary-and-secondary-v1";
    }

    static Status[] apply(RateCube cube, int k) {
        Status[] status = new Status[cube.size()];
        for (int cell = 0; cell < status.length; cell++) {
            long denominator = cube.denominators[cell];
            long numerator = cube.numerators[cell];
            if (denominator == 0) {
                status[cell] = Status.NO_PARTICIPANTS;
            } else if (denominator < k || numerator < k || denominator - numerator < k) {
                status[cell] = Status.PRIMARY;
            } else {
                status[cell] = Status.PUBLISHED;
            }
        }
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
        return status;
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
