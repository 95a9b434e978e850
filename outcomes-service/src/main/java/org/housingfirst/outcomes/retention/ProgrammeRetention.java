package org.housingfirst.outcomes.retention;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Programme housing retention at a fixed horizon (domain brief §8.3, the headline metric). The cohort is every
 * participant whose <em>first</em> programme tenancy began at least the horizon before the as-of date (full follow-up
 * possible). At the horizon day a participant is:
 *
 * <ul>
 *   <li><b>retained</b> when living in any programme tenancy, or in a gap between tenancies no longer than the
 *       rehousing gap, or after a positive ending (MOVED_TO_OTHER_PERMANENT_HOUSING or a PERMANENT destination,
 *       {@link TenancySpell.Ending});
 *   <li><b>excluded</b> (reported separately) after ending with DECEASED (reason or destination) or LONG_TERM_CARE;
 *   <li><b>unknown</b> after ending with UNKNOWN: not retained in the strict variant, left out in the known-status one;
 *   <li><b>censored</b> when in a gap that is still open at the as-of date and not yet longer than the rehousing gap;
 *   <li><b>not retained</b> otherwise (eviction, abandonment, custodial sentence, voluntary end without permanent
 *       housing, a gap longer than the rehousing gap).
 * </ul>
 */
public final class ProgrammeRetention {

    private ProgrammeRetention() {}

    /** Where one participant stands on the horizon day. */
    public enum Outcome {
        RETAINED,
        NOT_RETAINED,
        DECEASED,
        LONG_TERM_CARE,
        UNKNOWN,
        CENSORED,
        NOT_ELIGIBLE;

        /** Whether the participant belongs in the denominator of the given variant. */
        public boolean counted(RetentionDefinition.UnknownStatus variant) {
            return this == RETAINED
                    || this == NOT_RETAINED
                    || (this == UNKNOWN && variant == RetentionDefinition.UnknownStatus.STRICT);
        }
    }

    /** One participant's outcome: programme retention, or first-tenancy retention when {@code firstOnly}. */
    public static Outcome outcome(
            List<TenancySpell> spells, LocalDate asOf, RetentionDefinition definition, boolean firstOnly) {
        return firstOnly ? firstTenancyOutcome(spells, asOf, definition) : outcome(spells, asOf, definition);
    }

    public static RetentionResult compute(
            List<List<TenancySpell>> participants, LocalDate asOf, RetentionDefinition definition) {
        return count(participants, asOf, definition, false);
    }

    /**
     * First-tenancy retention: still in the <em>first</em> tenancy on the horizon day. Rehousing, even within the
     * gap, and moving on to other permanent housing count as not retained; deaths and long-term care are excluded
     * and unknown outcomes handled as in the programme measure. Comparable to Swedish reports of tenancies kept.
     */
    public static RetentionResult computeFirstTenancy(
            List<List<TenancySpell>> participants, LocalDate asOf, RetentionDefinition definition) {
        return count(participants, asOf, definition, true);
    }

    private static RetentionResult count(
            List<List<TenancySpell>> participants, LocalDate asOf, RetentionDefinition definition, boolean firstOnly) {
        int eligible = 0;
        int[] counts = new int[Outcome.values().length];
        for (List<TenancySpell> spells : participants) {
            Outcome outcome = outcome(spells, asOf, definition, firstOnly);
            counts[outcome.ordinal()]++;
            if (outcome != Outcome.NOT_ELIGIBLE) {
                eligible++;
            }
        }
        int retained = counts[Outcome.RETAINED.ordinal()];
        int notRetained = counts[Outcome.NOT_RETAINED.ordinal()];
        int unknown = counts[Outcome.UNKNOWN.ordinal()];
        int denominator = 0;
        for (Outcome outcome : Outcome.values()) {
            denominator += outcome.counted(definition.unknownStatus()) ? counts[outcome.ordinal()] : 0;
        }
        return new RetentionResult(
                eligible,
                retained,
                notRetained,
                counts[Outcome.DECEASED.ordinal()],
                counts[Outcome.LONG_TERM_CARE.ordinal()],
                unknown,
                counts[Outcome.CENSORED.ordinal()],
                denominator,
                denominator == 0 ? null : (double) retained / denominator,
                firstOnly
                        ? definition.version().replace("programme-retention", "first-tenancy-retention")
                        : definition.version());
    }

    private static Outcome firstTenancyOutcome(
            List<TenancySpell> spells, LocalDate asOf, RetentionDefinition definition) {
        if (spells.isEmpty()) {
            return Outcome.NOT_ELIGIBLE;
        }
        TenancySpell first =
                spells.stream().min(Comparator.comparing(TenancySpell::moveIn)).orElseThrow();
        LocalDate horizon = first.moveIn().plusMonths(definition.months());
        if (horizon.isAfter(asOf)) {
            return Outcome.NOT_ELIGIBLE;
        }
        if (first.covers(horizon)) {
            return Outcome.RETAINED;
        }
        return switch (first.ending()) {
            case DECEASED -> Outcome.DECEASED;
            case LONG_TERM_CARE -> Outcome.LONG_TERM_CARE;
            case UNKNOWN -> Outcome.UNKNOWN;
            default -> Outcome.NOT_RETAINED;
        };
    }

    private static Outcome outcome(List<TenancySpell> spells, LocalDate asOf, RetentionDefinition definition) {
        if (spells.isEmpty()) {
            return Outcome.NOT_ELIGIBLE;
        }
        List<TenancySpell> ordered = spells.stream()
                .sorted(Comparator.comparing(TenancySpell::moveIn))
                .toList();
        LocalDate horizon = ordered.getFirst().moveIn().plusMonths(definition.months());
        if (horizon.isAfter(asOf)) {
            return Outcome.NOT_ELIGIBLE;
        }
        TenancySpell last = null;
        for (TenancySpell spell : ordered) {
            if (spell.covers(horizon)) {
                return Outcome.RETAINED;
            }
            if (!spell.moveIn().isAfter(horizon) && (last == null || TenancySpell.BY_END.compare(spell, last) > 0)) {
                last = spell;
            }
        }
        // The participant is not in a tenancy on the horizon day: the tenancy that ended last before it says how.
        LocalDate gapStart = last.end();
        LocalDate rehousedBy = gapStart.plusDays(definition.rehousingGapDays());
        boolean rehousedInTime = ordered.stream()
                .anyMatch(s -> s.moveIn().isAfter(horizon) && !s.moveIn().isAfter(rehousedBy));
        if (rehousedInTime) {
            return Outcome.RETAINED;
        }
        TenancySpell.Ending ending = last.ending();
        if (ending == TenancySpell.Ending.POSITIVE) {
            return Outcome.RETAINED;
        }
        if (ending == TenancySpell.Ending.DECEASED) {
            return Outcome.DECEASED;
        }
        if (ending == TenancySpell.Ending.LONG_TERM_CARE) {
            return Outcome.LONG_TERM_CARE;
        }
        if (rehousedBy.isAfter(asOf)) {
            return Outcome.CENSORED;
        }
        return ending == TenancySpell.Ending.UNKNOWN ? Outcome.UNKNOWN : Outcome.NOT_RETAINED;
    }
}
