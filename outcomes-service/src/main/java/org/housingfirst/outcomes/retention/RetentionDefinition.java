package org.housingfirst.outcomes.retention;

import java.util.Locale;

/**
 * How retention is counted; the {@link #version()} travels with every figure.
 *
 * @param months the horizon: 6, 12 or 24
 * @param rehousingGapDays a new tenancy starting at most this many days after the previous one ended counts as
 *     continuous housing (default 14)
 * @param unknownStatus whether an unknown outcome counts as not retained (STRICT) or is left out (KNOWN_STATUS)
 */
public record RetentionDefinition(int months, int rehousingGapDays, UnknownStatus unknownStatus) {

    public static final int DEFAULT_REHOUSING_GAP_DAYS = 14;

    /** The two published variants of the headline metric. */
    public enum UnknownStatus {
        STRICT,
        KNOWN_STATUS
    }

    public static RetentionDefinition strict(int months) {
        return new RetentionDefinition(months, DEFAULT_REHOUSING_GAP_DAYS, UnknownStatus.STRICT);
    }

    public static RetentionDefinition knownStatus(int months) {
        return new RetentionDefinition(months, DEFAULT_REHOUSING_GAP_DAYS, UnknownStatus.KNOWN_STATUS);
    }

    public String version() {
        return "programme-retention-" + months + "m-v2(gap=" + rehousingGapDays
                + "d,deaths-and-long-term-care-excluded,unknown="
                + unknownStatus.name().toLowerCase(Locale.ROOT) + ")";
    }
}
