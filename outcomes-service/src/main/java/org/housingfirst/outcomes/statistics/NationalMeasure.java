package org.housingfirst.outcomes.statistics;

import java.time.LocalDate;
import java.util.List;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.outcomes.contracts.FirstHandLeases;
import org.housingfirst.outcomes.retention.ProgrammeRetention;
import org.housingfirst.outcomes.retention.ProgrammeRetention.Outcome;
import org.housingfirst.outcomes.retention.RetentionDefinition;
import org.housingfirst.outcomes.retention.StillHoused;

/**
 * The measures published as national tables, each counted per person ({@link Participations}) with the same definitions
 * as the municipality metrics (docs/metrics.md): rates (numerator, denominator, rate), counts of persons, and tables of
 * means (programme fidelity per programme; quality-of-life change per person) protected on their counts. Retention uses
 * the strict variant and the default rehousing gap.
 */
enum NationalMeasure {
    RETENTION_6M("HF01", "Programme housing retention at 6 months", RetentionDefinition.strict(6), false, Kind.RATE),
    RETENTION_12M("HF02", "Programme housing retention at 12 months", RetentionDefinition.strict(12), false, Kind.RATE),
    RETENTION_24M("HF03", "Programme housing retention at 24 months", RetentionDefinition.strict(24), false, Kind.RATE),
    FIRST_TENANCY_RETENTION_12M(
            "HF04", "First-tenancy retention at 12 months", RetentionDefinition.strict(12), true, Kind.RATE),
    STILL_HOUSED("HF05", "Still housed on the reference date, crude (kvarboende)", null, false, Kind.RATE),
    PARTICIPANTS("HF06", "Participants in a programme tenancy on the reference date", null, false, Kind.HOUSED_COUNT),
    NEW_ENROLMENTS(
            "HF07", "New enrolments in the quarter, by homelessness situation at entry", null, false, Kind.ENROLMENTS),
    FIRST_HAND_SHARE(
            "HF08", "Participants on their own first-hand lease on the reference date", null, false, Kind.RATE),
    CONVERSIONS("HF09", "Participants whose lease became first-hand in the quarter", null, false, Kind.HOUSED_COUNT),
    SUPPORT_ENGAGEMENT(
            "HF10", "Participants in support with a completed contact in the quarter", null, false, Kind.RATE),
    FIDELITY("HF11", "Programme fidelity to Housing First (Pathways scale)", null, false, Kind.PROGRAMMES),
    WHOQOL_BREF_CHANGE(
            "HF12",
            "Quality of life, WHOQOL-BREF: change from baseline to 12 months",
            null,
            false,
            Kind.QUALITY_OF_LIFE),
    MANSA_CHANGE(
            "HF13", "Quality of life, MANSA: change from baseline to 12 months", null, false, Kind.QUALITY_OF_LIFE),
    EQ5D_VAS_CHANGE(
            "HF14", "Health, EQ-5D-5L VAS: change from baseline to 12 months", null, false, Kind.QUALITY_OF_LIFE);

    /** The scale and version of the national fidelity table: the one the platform ships. */
    static final String FIDELITY_SCALE = "PATHWAYS_HF";

    static final String FIDELITY_SCALE_VERSION = "PHF-38-2013";

    /** The values the fidelity table averages: the percentage of the maximum and the five domains' mean item scores. */
    static final List<String> FIDELITY_VALUES = List.of(
            "percent",
            "housing_process_and_structure",
            "separation_of_housing_and_services",
            "service_philosophy",
            "service_array",
            "program_structure");

    /** What a table counts, and from which facts. */
    enum Kind {
        /** A rate over housed persons: numerator, denominator, rate. */
        RATE,
        /** A count of housed persons, each once: those housed on the reference date, or with a conversion. */
        HOUSED_COUNT,
        /** Persons enrolled in the quarter, counted ({@link Participations#enrolments}). */
        ENROLMENTS,
        /** Programmes with a current fidelity assessment, counted, with the means of their scores. */
        PROGRAMMES,
        /** Housed persons assessed at baseline and 12 months, counted, with the means of their changes. */
        QUALITY_OF_LIFE;

        /**
         * The breakdown's categories in a country: by sex, age and situation at entry for enrolments, by assessor for
         * programmes, otherwise by sex, age and the cohorts of the given move-in years.
         */
        java.util.List<String> categories(String country, java.util.SortedSet<Integer> cohortYears) {
            return switch (this) {
                case ENROLMENTS -> Breakdowns.enrolmentCategories(country);
                case PROGRAMMES -> Breakdowns.programmeCategories();
                default -> Breakdowns.categories(cohortYears);
            };
        }

        /** The key of the note that says what is counted. */
        String unitNote() {
            return switch (this) {
                case RATE, HOUSED_COUNT -> "note.unit";
                default -> "note.unit." + name();
            };
        }

        /** The key of the note that says what disclosure control hides. */
        String suppressionNote() {
            return switch (this) {
                case RATE -> "note.suppression";
                case PROGRAMMES -> "note.suppression.programmes";
                default -> "note.suppression.count";
            };
        }
    }

    /** Not counted, counted in the denominator only, or counted in numerator and denominator. */
    enum Contribution {
        NONE,
        DENOMINATOR,
        NUMERATOR
    }

    private static final List<String> RATE_CONTENTS = List.of("numerator", "denominator", "rate");
    private static final List<String> COUNT_CONTENTS = List.of("count");

    private final String code;
    private final String label;
    private final RetentionDefinition retention;
    private final boolean firstTenancy;
    private final Kind kind;

    NationalMeasure(String code, String label, RetentionDefinition retention, boolean firstTenancy, Kind kind) {
        this.code = code;
        this.label = label;
        this.retention = retention;
        this.firstTenancy = firstTenancy;
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** Whether the table counts (its first content the count, kept as the denominator) rather than giving a rate. */
    boolean counts() {
        return kind != Kind.RATE;
    }

    /**
     * The table's contents, in order: numerator, denominator, rate; or count; for quality of life the count and each
     * score's mean change with its 95 % interval; for fidelity the number of programmes, the mean percentage of the
     * maximum with its 95 % interval, and each domain's mean.
     */
    List<String> contents() {
        if (kind == Kind.QUALITY_OF_LIFE) {
            List<String> contents = new java.util.ArrayList<>(List.of("count"));
            for (String score : averaged()) {
                contents.addAll(List.of("mean:" + score, "lower:" + score, "upper:" + score));
            }
            return List.copyOf(contents);
        }
        if (kind == Kind.PROGRAMMES) {
            List<String> contents = new java.util.ArrayList<>(List.of(
                    "programmes",
                    "mean:" + FIDELITY_VALUES.getFirst(),
                    "lower:" + FIDELITY_VALUES.getFirst(),
                    "upper:" + FIDELITY_VALUES.getFirst()));
            FIDELITY_VALUES.subList(1, FIDELITY_VALUES.size()).forEach(domain -> contents.add("mean:" + domain));
            return List.copyOf(contents);
        }
        return counts() ? COUNT_CONTENTS : RATE_CONTENTS;
    }

    /** The codes whose values a table of means averages; none for the others. */
    List<String> averaged() {
        return switch (this) {
            case FIDELITY -> FIDELITY_VALUES;
            case WHOQOL_BREF_CHANGE -> List.of("physical_100", "psychological_100", "social_100", "environment_100");
            case MANSA_CHANGE -> List.of("satisfaction_mean");
            case EQ5D_VAS_CHANGE -> List.of("vas");
            default -> List.of();
        };
    }

    /** The instrument of a quality-of-life table, or null. */
    QualityOfLifeInstrument instrument() {
        return switch (this) {
            case WHOQOL_BREF_CHANGE -> QualityOfLifeInstrument.WHOQOL_BREF;
            case MANSA_CHANGE -> QualityOfLifeInstrument.MANSA;
            case EQ5D_VAS_CHANGE -> QualityOfLifeInstrument.EQ_5D_5L;
            default -> null;
        };
    }

    String code() {
        return code;
    }

    String label() {
        return label;
    }

    String definitionVersion() {
        switch (this) {
            case PARTICIPANTS -> {
                return "participants-housed-v1(per-person)";
            }
            case NEW_ENROLMENTS -> {
                return "new-enrolments-v1(per-person)";
            }
            case FIRST_HAND_SHARE -> {
                return FirstHandLeases.DEFINITION_VERSION + "(per-person)";
            }
            case CONVERSIONS -> {
                return "first-hand-conversions-v1(per-person)";
            }
            case SUPPORT_ENGAGEMENT -> {
                return "support-engagement-quarterly-v1(per-person)";
            }
            case WHOQOL_BREF_CHANGE, MANSA_CHANGE, EQ5D_VAS_CHANGE -> {
                return "quality-of-life-change-national-v1(MONTH_12,per-person)";
            }
            case FIDELITY -> {
                return "programme-fidelity-national-v1(" + FIDELITY_SCALE_VERSION + ",24-months-current,per-programme)";
            }
            default -> {}
        }
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

    /**
     * How a housed person counts on the reference date: in a rate's numerator and denominator, in its denominator only,
     * or not at all; in a count of housed persons (the denominator) when living in a programme tenancy that day.
     */
    Contribution contribution(Participation participation, LocalDate asOf) {
        return contribution(participation, asOf, null);
    }

    /** Whether the measure needs more than housing histories: leases or support ({@link Circumstances}). */
    boolean needsCircumstances() {
        return this == FIRST_HAND_SHARE || this == CONVERSIONS || this == SUPPORT_ENGAGEMENT;
    }

    /**
     * As {@link #contribution(Participation, LocalDate)}, for the measures of leases and support with the quarter's
     * {@link Circumstances} (null for the others):
     *
     * <ul>
     *   <li>first-hand share: of persons in a programme tenancy on the reference date, those with a tenancy active that
     *       day whose contract that day, after conversions, is their own first-hand lease;
     *   <li>conversions: persons with a conversion from another contract to a first-hand lease dated in the quarter;
     *   <li>support engagement: of persons housed by the reference date with a support episode open on some day of the
     *       quarter, those with a completed contact dated in it.
     * </ul>
     */
    Contribution contribution(Participation participation, LocalDate asOf, Circumstances circumstances) {
        if (kind == Kind.ENROLMENTS || kind == Kind.PROGRAMMES || kind == Kind.QUALITY_OF_LIFE) {
            throw new IllegalStateException(code + " counts " + kind + ", not housed persons");
        }
        if (needsCircumstances() && circumstances == null) {
            throw new IllegalStateException(code + " needs the quarter's leases and support");
        }
        if (this == FIRST_HAND_SHARE) {
            if (!Boolean.TRUE.equals(StillHoused.housedOn(participation.spells(), asOf))) {
                return Contribution.NONE;
            }
            FirstHandLeases leases =
                    FirstHandLeases.compute(circumstances.leasesOf(participation.person()), asOf, asOf, asOf);
            return leases.firstHand() > 0 ? Contribution.NUMERATOR : Contribution.DENOMINATOR;
        }
        if (this == CONVERSIONS) {
            Quarter period = circumstances.period();
            FirstHandLeases leases = FirstHandLeases.compute(
                    circumstances.leasesOf(participation.person()), asOf, period.firstDay(), period.lastDay());
            return leases.conversionsToFirstHand() > 0 ? Contribution.DENOMINATOR : Contribution.NONE;
        }
        if (this == SUPPORT_ENGAGEMENT) {
            if (!circumstances.supportedInQuarter(participation.person())) {
                return Contribution.NONE;
            }
            return circumstances.contacted().contains(participation.person())
                    ? Contribution.NUMERATOR
                    : Contribution.DENOMINATOR;
        }
        if (retention == null) {
            Boolean housed = StillHoused.housedOn(participation.spells(), asOf);
            if (housed == null || (kind == Kind.HOUSED_COUNT && !housed)) {
                return Contribution.NONE;
            }
            return housed && kind == Kind.RATE ? Contribution.NUMERATOR : Contribution.DENOMINATOR;
        }
        Outcome outcome = ProgrammeRetention.outcome(participation.spells(), asOf, retention, firstTenancy);
        if (!outcome.counted(retention.unknownStatus())) {
            return Contribution.NONE;
        }
        return outcome == Outcome.RETAINED ? Contribution.NUMERATOR : Contribution.DENOMINATOR;
    }
}
