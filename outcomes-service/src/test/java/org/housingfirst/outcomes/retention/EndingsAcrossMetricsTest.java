package org.housingfirst.outcomes.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.outcomes.pathways.PeriodRetention;
import org.junit.jupiter.api.Test;

/**
 * One person's exit means the same in every retention metric: programme retention, first-tenancy retention,
 * Kaplan–Meier and the HUD-style period ratio (docs/metrics.md, changelog).
 */
class EndingsAcrossMetricsTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final RetentionDefinition TWELVE_MONTHS = RetentionDefinition.strict(12);

    /*
     * Moved in 2024-01-01, ended the tenancy herself on 2024-10-01 and went to a PERMANENT destination (a lease of her
     * own). The HUD-style ratio always counted her as a leaver to permanent housing, but programme retention and
     * Kaplan-Meier, which looked at the end reason alone, counted a loss. Now: retained at 12 months, censored (not
     * an event) on day 274 of the curve, a leaver to permanent housing in 2024.
     */
    @Test
    void aVoluntaryEndToPermanentHousingIsAPositiveExitEverywhere() {
        List<TenancySpell> her = List.of(TenancySpell.ended(
                d("2024-01-01"),
                d("2024-10-01"),
                EndReason.TENANT_TERMINATED_VOLUNTARY,
                DestinationCategory.PERMANENT));

        assertThat(ProgrammeRetention.outcome(her, AS_OF, TWELVE_MONTHS, false))
                .isEqualTo(ProgrammeRetention.Outcome.RETAINED);
        assertThat(RetentionCurve.observations(List.of(her), AS_OF, 14))
                .containsExactly(new KaplanMeier.Observation(274, false));
        PeriodRetention period = PeriodRetention.compute(List.of(her), d("2024-01-01"), d("2024-12-31"), 14);
        assertThat(period.leaversToPermanent()).isEqualTo(1);
        assertThat(period.leaversOther()).isZero();
        // first-tenancy retention asks whether she is still in the first tenancy: she is not, and that is no death
        assertThat(ProgrammeRetention.outcome(her, AS_OF, TWELVE_MONTHS, true))
                .isEqualTo(ProgrammeRetention.Outcome.NOT_RETAINED);
    }

    /* The same end to a HOMELESS destination is a loss everywhere: not retained, an event on day 274, other leaver. */
    @Test
    void aVoluntaryEndToHomelessnessIsALossEverywhere() {
        List<TenancySpell> him = List.of(TenancySpell.ended(
                d("2024-01-01"), d("2024-10-01"), EndReason.TENANT_TERMINATED_VOLUNTARY, DestinationCategory.HOMELESS));

        assertThat(ProgrammeRetention.outcome(him, AS_OF, TWELVE_MONTHS, false))
                .isEqualTo(ProgrammeRetention.Outcome.NOT_RETAINED);
        assertThat(RetentionCurve.observations(List.of(him), AS_OF, 14))
                .containsExactly(new KaplanMeier.Observation(274, true));
        assertThat(PeriodRetention.compute(List.of(him), d("2024-01-01"), d("2024-12-31"), 14)
                        .leaversOther())
                .isEqualTo(1);
    }

    /* A DECEASED destination is a death whatever reason was entered: excluded from retention, censored in the curve. */
    @Test
    void aDeceasedDestinationIsADeathEverywhere() {
        List<TenancySpell> spells = List.of(
                TenancySpell.ended(d("2024-01-01"), d("2024-10-01"), EndReason.OTHER, DestinationCategory.DECEASED));

        assertThat(ProgrammeRetention.outcome(spells, AS_OF, TWELVE_MONTHS, false))
                .isEqualTo(ProgrammeRetention.Outcome.DECEASED);
        assertThat(ProgrammeRetention.outcome(spells, AS_OF, TWELVE_MONTHS, true))
                .isEqualTo(ProgrammeRetention.Outcome.DECEASED);
        assertThat(RetentionCurve.observations(List.of(spells), AS_OF, 14))
                .containsExactly(new KaplanMeier.Observation(274, false));
        assertThat(PeriodRetention.compute(List.of(spells), d("2024-01-01"), d("2024-12-31"), 14)
                        .excluded())
                .isEqualTo(1);
    }

    /*
     * Overlapping tenancies: A from 2024-01-01 to 2024-12-01, when he moved on to other permanent housing; B, a second
     * flat, from 2024-03-01 until he was evicted from it on 2024-09-01. The tenancy that ended last (A) says how he
     * left, not the one that began last (B): retained at 12 months (2025-01-01), censored on day 335 of the curve
     * rather than lost on day 244, a leaver to permanent housing in 2024.
     */
    @Test
    void ofOverlappingTenanciesTheOneThatEndedLastCounts() {
        List<TenancySpell> spells = List.of(
                TenancySpell.ended(
                        d("2024-01-01"),
                        d("2024-12-01"),
                        EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING,
                        DestinationCategory.PERMANENT),
                TenancySpell.ended(
                        d("2024-03-01"),
                        d("2024-09-01"),
                        EndReason.EVICTION_RENT_ARREARS,
                        DestinationCategory.HOMELESS));

        assertThat(ProgrammeRetention.outcome(spells, AS_OF, TWELVE_MONTHS, false))
                .isEqualTo(ProgrammeRetention.Outcome.RETAINED);
        assertThat(RetentionCurve.observations(List.of(spells), AS_OF, 14))
                .containsExactly(new KaplanMeier.Observation(335, false));
        assertThat(PeriodRetention.compute(List.of(spells), d("2024-01-01"), d("2024-12-31"), 14)
                        .leaversToPermanent())
                .isEqualTo(1);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
