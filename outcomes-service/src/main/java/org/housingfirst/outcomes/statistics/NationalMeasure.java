package org.housingfirst.outcomes.statistics;

import java.time.LocalDate;
import org.housingfirst.outcomes.retention.ProgrammeRetention;
import org.housingfirst.outcomes.retention.ProgrammeRetention.Outcome;
import org.housingfirst.outcomes.retention.RetentionDefinition;
import org.housingfirst.outcomes.retention.StillHoused;

/**
 * The rates published as national tables, each counted per person ({@link Participations}) with the same definitions as the
 * municipality metrics (docs/metrics.md). Retention uses the strict variant and the default rehousing gap.
 */
enum NationalMeasure {
    RETENTION_6M("HF01", "Programme housing retention at 6 months", RetentionDefinition.strict(6), false),
    RETENTION_12M("HF02", "Programme housing retention at 12 months", RetentionDefinition.strict(12), false),
    RETENTION_24M("HF03", "Programme housing retention at 24 months", RetentionDefinition.strict(24), false),
    FIRST_TENANCY_RETENTION_12M("HF04", "First-tenancy retention at 12 months", RetentionDefinition.strict(12), true),
    STILL_HOUSED("HF05", "Still housed on the reference date, crude (kvarboende)", null, false);

    /** Not counted, counted in the denominator only, or counted in numerator and denominator. */
    enum Contribution {
        NONE,
        DENOMINATOR,
        NUMERATOR
    }

    private final String code;
    private final String label;
    private final RetentionDefinition retention;
    private final boolean firstTenancy;

    NationalMeasure(String code, String label, RetentionDefinition retention, boolean firstTenancy) {
        this.code = code;
        this.label = label;
        this.retention = retention;
        this.firstTenancy = firstTenancy;
    }

    String code() {
        return code;
    }

    String label() {
        return label;
    }

    String definitionVersion() {
        if (retention == null) {
            return StillHoused.DEFINITION_VERSION + "(per-person)";
        }
        String version = retention.version() + "(per-person)";
        return firstTenancy ? version.replace("programme-retention", "first-tenancy-retention") : version;
    }

    /**
     * The first reference date from which a cell of this breakdown category is settled: every person of its move-in
     * cohort has reached the follow-up point, so the cell is the same in every later quarter (short of late events).
     * Null for a category that keeps changing: totals, sex and age (new cohorts join them), and every cell of a measure
     * on the reference date itself (still housed).
     */
    LocalDate settledFrom(String category) {
        if (retention == null || !category.startsWith("COHORT:")) {
            return null;
        }
        String cohort = category.substring("COHORT:".length());
        LocalDate lastMoveIn = cohort.length() == 4
                ? LocalDate.of(Integer.parseInt(cohort), 12, 31)
                : Quarter.parse(cohort).lastDay();
        return lastMoveIn.plusMonths(retention.months());
    }

    Contribution contribution(Participation participation, LocalDate asOf) {
        if (retention == null) {
            Boolean housed = StillHoused.housedOn(participation.spells(), asOf);
            if (housed == null) {
                return Contribution.NONE;
            }
            return housed ? Contribution.NUMERATOR : Contribution.DENOMINATOR;
        }
        Outcome outcome = ProgrammeRetention.outcome(participation.spells(), asOf, retention, firstTenancy);
        if (!outcome.counted(retention.unknownStatus())) {
            return Contribution.NONE;
        }
        return outcome == Outcome.RETAINED ? Contribution.NUMERATOR : Contribution.DENOMINATOR;
    }
}
