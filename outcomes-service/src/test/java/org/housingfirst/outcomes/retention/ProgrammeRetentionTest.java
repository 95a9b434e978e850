package org.housingfirst.outcomes.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.housingfirst.contracts.DestinationCategory.DECEASED;
import static org.housingfirst.contracts.DestinationCategory.HOMELESS;
import static org.housingfirst.contracts.DestinationCategory.INSTITUTIONAL;
import static org.housingfirst.contracts.DestinationCategory.PERMANENT;
import static org.housingfirst.contracts.DestinationCategory.TEMPORARY;
import static org.housingfirst.contracts.DestinationCategory.UNKNOWN;
import static org.housingfirst.outcomes.retention.TenancySpell.active;
import static org.housingfirst.outcomes.retention.TenancySpell.ended;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.housingfirst.contracts.tenancy.EndReason;
import org.junit.jupiter.api.Test;

class ProgrammeRetentionTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /*
     * A hand-worked cohort, 12-month horizon, as of 2026-06-30, rehousing gap 14 days:
     *  P1  in 2025-01-10, still housed                                             -> horizon 2026-01-10 housed: retained
     *  P2  in 2025-02-01, evicted 2025-08-01, never rehoused                       -> not retained
     *  P3  in 2025-03-01, ended 2025-09-01, rehoused 2025-09-10 (9 days)           -> horizon 2026-03-01 housed: retained
     *  P4  in 2025-04-01, abandoned 2026-03-25, rehoused 2026-04-05 (11 days)      -> horizon 2026-04-01 in a gap of
     *                                                                                 11 days <= 14: retained
     *  P5  in 2025-04-15, evicted 2026-03-20, rehoused 2026-04-20 (31 days)        -> horizon 2026-04-15 in a gap > 14
     *                                                                                 days: not retained
     *  P6  in 2025-05-01, died 2025-12-01                                          -> excluded (deceased)
     *  P7  in 2025-05-10, moved to other permanent housing 2025-11-10             -> retained (positive exit)
     *  P8  in 2025-06-01, ended 2026-01-15 for an unknown reason                   -> unknown
     *  P9  in 2025-06-20, evicted 2026-06-25                                       -> horizon 2026-06-20 housed: retained
     *  P10 in 2025-08-01                                                            -> horizon after as-of: not eligible
     *  P11 in 2025-06-25, left 2026-06-22, no new tenancy yet, gap open 8 days     -> censored
     *  P12 in 2025-01-05, to long-term care 2025-07-01                             -> excluded (long-term care)
     * Eligible 11; retained 5 (P1, P3, P4, P7, P9); not retained 2 (P2, P5); unknown 1; censored 1; excluded 2.
     * Strict: 5 / (5 + 2 + 1) = 0.625. Known status: 5 / (5 + 2) = 0.714286.
     */
    static final List<List<TenancySpell>> COHORT = List.of(
            List.of(active(d("2025-01-10"))),
            List.of(ended(d("2025-02-01"), d("2025-08-01"), EndReason.EVICTION_RENT_ARREARS, HOMELESS)),
            List.of(
                    ended(d("2025-03-01"), d("2025-09-01"), EndReason.REHOUSED_WITHIN_PROGRAMME, PERMANENT),
                    active(d("2025-09-10"))),
            List.of(ended(d("2025-04-01"), d("2026-03-25"), EndReason.ABANDONED, TEMPORARY), active(d("2026-04-05"))),
            List.of(
                    ended(d("2025-04-15"), d("2026-03-20"), EndReason.EVICTION_DISTURBANCE, HOMELESS),
                    active(d("2026-04-20"))),
            List.of(ended(d("2025-05-01"), d("2025-12-01"), EndReason.DECEASED, DECEASED)),
            List.of(ended(d("2025-05-10"), d("2025-11-10"), EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING, PERMANENT)),
            List.of(ended(d("2025-06-01"), d("2026-01-15"), EndReason.UNKNOWN, UNKNOWN)),
            List.of(ended(d("2025-06-20"), d("2026-06-25"), EndReason.EVICTION_RENT_ARREARS, HOMELESS)),
            List.of(active(d("2025-08-01"))),
            List.of(ended(d("2025-06-25"), d("2026-06-22"), EndReason.TENANT_TERMINATED_VOLUNTARY, TEMPORARY)),
            List.of(ended(d("2025-01-05"), d("2025-07-01"), EndReason.LONG_TERM_CARE, INSTITUTIONAL)));

    @Test
    void countsTheHandWorkedCohortStrictly() {
        RetentionResult result = ProgrammeRetention.compute(COHORT, AS_OF, RetentionDefinition.strict(12));

        assertThat(result.eligible()).isEqualTo(11);
        assertThat(result.retained()).isEqualTo(5);
        assertThat(result.notRetained()).isEqualTo(2);
        assertThat(result.excludedDeceased()).isEqualTo(1);
        assertThat(result.excludedLongTermCare()).isEqualTo(1);
        assertThat(result.unknown()).isEqualTo(1);
        assertThat(result.censored()).isEqualTo(1);
        assertThat(result.denominator()).isEqualTo(8);
        assertThat(result.rate()).isEqualTo(0.625);
        assertThat(result.definitionVersion())
                .contains("12m")
                .contains("gap=14d")
                .contains("unknown=strict");
    }

    @Test
    void leavesUnknownOutcomesOutOfTheKnownStatusVariant() {
        RetentionResult result = ProgrammeRetention.compute(COHORT, AS_OF, RetentionDefinition.knownStatus(12));

        assertThat(result.denominator()).isEqualTo(7);
        assertThat(result.rate()).isCloseTo(5.0 / 7, Offset.offset(1e-12));
    }

    /*
     * With a 7-day gap, P4's 11-day gap no longer counts, and P11's gap, open for 8 days at the as-of date, is already
     * longer than 7 days: no longer censored but lost. Retained 4; not retained 4 (P2, P4, P5, P11); unknown 1.
     * Strict: 4 / (4 + 4 + 1) = 4/9.
     */
    @Test
    void aShorterRehousingGapTurnsALateRehousingIntoALoss() {
        RetentionResult result = ProgrammeRetention.compute(
                COHORT, AS_OF, new RetentionDefinition(12, 7, RetentionDefinition.UnknownStatus.STRICT));

        assertThat(result.retained()).isEqualTo(4);
        assertThat(result.notRetained()).isEqualTo(4);
        assertThat(result.censored()).isZero();
        assertThat(result.denominator()).isEqualTo(9);
        assertThat(result.rate()).isCloseTo(4.0 / 9, Offset.offset(1e-12));
    }

    /* At 6 months every participant but P10 is eligible: horizons fall between 2025-07-05 and 2025-12-25. */
    @Test
    void anEarlierHorizonSeesThemStillHoused() {
        RetentionResult result = ProgrammeRetention.compute(COHORT, AS_OF, RetentionDefinition.strict(6));

        // P2 ended 2025-08-01, its horizon: 6 months after 2025-02-01 = 2025-08-01, the end day itself: not housed.
        // P12 went to long-term care on 2025-07-01, its horizon 2025-07-05: excluded. Everyone else is housed.
        assertThat(result.eligible()).isEqualTo(12);
        assertThat(result.retained()).isEqualTo(10);
        assertThat(result.notRetained()).isEqualTo(1);
        assertThat(result.excludedLongTermCare()).isEqualTo(1);
        assertThat(result.denominator()).isEqualTo(11);
    }

    /*
     * First-tenancy retention, same cohort, 12 months: still in the first tenancy on the horizon day are P1 and P9 only.
     * P3, P4 (rehoused), P5, P11 (first tenancy ended before the horizon), P2 (evicted) and P7 (moved on) are not;
     * P6, P12 excluded; P8 unknown. Strict: 2 / (2 + 6 + 1) = 2/9.
     */
    @Test
    void firstTenancyRetentionCountsRehousingAndMovingOnAsNotRetained() {
        RetentionResult result = ProgrammeRetention.computeFirstTenancy(COHORT, AS_OF, RetentionDefinition.strict(12));

        assertThat(result.retained()).isEqualTo(2);
        assertThat(result.notRetained()).isEqualTo(6);
        assertThat(result.excludedDeceased() + result.excludedLongTermCare()).isEqualTo(2);
        assertThat(result.unknown()).isEqualTo(1);
        assertThat(result.censored()).isZero();
        assertThat(result.rate()).isCloseTo(2.0 / 9, Offset.offset(1e-12));
        assertThat(result.definitionVersion()).startsWith("first-tenancy-retention-12m");
    }

    /* Housed on 2026-06-30: P1, P3, P4, P5 (rehoused 2026-04-20) and P10, of 12 ever housed: 5/12, crude. */
    @Test
    void crudeStillHousedShareIsTheHousedOfTheEverHoused() {
        StillHoused share = StillHoused.compute(COHORT, AS_OF);

        assertThat(share.housed()).isEqualTo(5);
        assertThat(share.everHoused()).isEqualTo(12);
        assertThat(share.share()).isCloseTo(5.0 / 12, Offset.offset(1e-12));
    }

    @Test
    void reportsNoRateForAnEmptyDenominator() {
        RetentionResult result = ProgrammeRetention.compute(
                List.of(List.of(active(d("2026-06-01")))), AS_OF, RetentionDefinition.strict(12));

        assertThat(result.eligible()).isZero();
        assertThat(result.denominator()).isZero();
        assertThat(result.rate()).isNull();
    }
}
