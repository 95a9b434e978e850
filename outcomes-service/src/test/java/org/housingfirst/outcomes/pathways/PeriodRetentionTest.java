package org.housingfirst.outcomes.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.junit.jupiter.api.Test;

class PeriodRetentionTest {

    /*
     * Period 2025, gap 14 days (docs/metrics.md):
     *   A active since 2024-05-01                                   stayer
     *   B 2024-03-01 .. 2025-06-30 eviction, homeless               leaver, other
     *   C 2025-02-01 .. 2025-08-15 moved to other permanent housing leaver, permanent
     *   D 2024-01-01 .. 2025-03-01 deceased                         excluded
     *   E 2024-06-01 .. 2025-10-01, rehoused 2025-10-10 (9 days)    stayer
     *   F 2023-01-01 .. 2024-11-30 eviction                         not housed in the period
     *   G moved in 2026-01-15                                       not housed in the period
     *   H 2025-11-01 .. 2025-12-20 abandoned, new flat 2026-01-20   leaver, other (31 days > 14)
     *   I 2025-03-01 .. 2025-12-25 voluntary end, PERMANENT         leaver, permanent
     * (2 stayers + 2 to permanent) / (2 + 2 + 2) = 0.667; 1 excluded.
     */
    @Test
    void handWorkedYear() {
        List<List<TenancySpell>> people = List.of(
                List.of(TenancySpell.active(d("2024-05-01"))),
                List.of(ended(
                        "2024-03-01", "2025-06-30", EndReason.EVICTION_RENT_ARREARS, DestinationCategory.HOMELESS)),
                List.of(ended(
                        "2025-02-01",
                        "2025-08-15",
                        EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING,
                        DestinationCategory.PERMANENT)),
                List.of(ended("2024-01-01", "2025-03-01", EndReason.DECEASED, DestinationCategory.DECEASED)),
                List.of(
                        ended(
                                "2024-06-01",
                                "2025-10-01",
                                EndReason.REHOUSED_WITHIN_PROGRAMME,
                                DestinationCategory.TEMPORARY),
                        TenancySpell.active(d("2025-10-10"))),
                List.of(ended("2023-01-01", "2024-11-30", EndReason.EVICTION_OTHER, DestinationCategory.HOMELESS)),
                List.of(TenancySpell.active(d("2026-01-15"))),
                List.of(
                        ended("2025-11-01", "2025-12-20", EndReason.ABANDONED, DestinationCategory.UNKNOWN),
                        TenancySpell.active(d("2026-01-20"))),
                List.of(ended(
                        "2025-03-01",
                        "2025-12-25",
                        EndReason.TENANT_TERMINATED_VOLUNTARY,
                        DestinationCategory.PERMANENT)));

        PeriodRetention result = PeriodRetention.compute(people, d("2025-01-01"), d("2025-12-31"), 14);

        assertThat(result.stayers()).isEqualTo(2);
        assertThat(result.leaversToPermanent()).isEqualTo(2);
        assertThat(result.leaversOther()).isEqualTo(2);
        assertThat(result.excluded()).isEqualTo(1);
        assertThat(result.denominator()).isEqualTo(6);
        assertThat(result.rate()).isCloseTo(4.0 / 6, Offset.offset(1e-12));
    }

    @Test
    void nobodyHousedGivesNoRate() {
        assertThat(PeriodRetention.compute(List.of(), d("2025-01-01"), d("2025-12-31"), 14)
                        .rate())
                .isNull();
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static TenancySpell ended(String moveIn, String end, EndReason reason, DestinationCategory destination) {
        return TenancySpell.ended(d(moveIn), d(end), reason, destination);
    }
}
