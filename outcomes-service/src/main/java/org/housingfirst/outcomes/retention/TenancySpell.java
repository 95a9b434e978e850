package org.housingfirst.outcomes.retention;

import java.time.LocalDate;
import java.util.Comparator;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndReason;

/**
 * One tenancy of a participant as known at the time of the calculation.
 *
 * @param moveIn the move-in date
 * @param end the end date, or null while the tenancy is active
 * @param endReason why it ended, or null while active
 * @param destination where the participant went, or null while active
 */
public record TenancySpell(LocalDate moveIn, LocalDate end, EndReason endReason, DestinationCategory destination) {

    public static TenancySpell active(LocalDate moveIn) {
        return new TenancySpell(moveIn, null, null, null);
    }

    public static TenancySpell ended(
            LocalDate moveIn, LocalDate end, EndReason reason, DestinationCategory destination) {
        return new TenancySpell(moveIn, end, reason, destination);
    }

    /**
     * How a tenancy ended, one classification for every retention metric (programme and first-tenancy retention,
     * Kaplan–Meier, the HUD-style ratio): the same person's exit is never positive in one and a loss in another.
     */
    public enum Ending {
        /** not ended (on the day asked) */
        ACTIVE,
        /** moved on to other permanent housing: the reason says so, or the destination is PERMANENT (HUD's rule) */
        POSITIVE,
        /** died or moved to long-term care: neither retained nor lost */
        DECEASED,
        LONG_TERM_CARE,
        /** the outcome is not known */
        UNKNOWN,
        /** a housing loss: eviction, abandonment, custodial sentence, a voluntary end without permanent housing */
        NEGATIVE
    }

    /** This tenancy's {@link Ending}. */
    public Ending ending() {
        if (end == null) {
            return Ending.ACTIVE;
        }
        if (endReason == EndReason.DECEASED || destination == DestinationCategory.DECEASED) {
            return Ending.DECEASED;
        }
        if (endReason == EndReason.LONG_TERM_CARE) {
            return Ending.LONG_TERM_CARE;
        }
        if (endReason == EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING || destination == DestinationCategory.PERMANENT) {
            return Ending.POSITIVE;
        }
        if (endReason == EndReason.UNKNOWN) {
            return Ending.UNKNOWN;
        }
        return Ending.NEGATIVE;
    }

    /**
     * Orders spells by when they ended, still active last, then by move-in: with overlapping tenancies, the one that
     * ended last says how the participant left, not the one that began last.
     */
    public static final Comparator<TenancySpell> BY_END = Comparator.comparing(
                    TenancySpell::end, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(TenancySpell::moveIn);

    /** True when the participant lived here on {@code day}: from move-in up to, not including, the end date. */
    public boolean covers(LocalDate day) {
        return !moveIn.isAfter(day) && (end == null || end.isAfter(day));
    }
}
