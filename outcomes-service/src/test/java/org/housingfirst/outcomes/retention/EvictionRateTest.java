package org.housingfirst.outcomes.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.housingfirst.outcomes.retention.TenancySpell.active;
import static org.housingfirst.outcomes.retention.TenancySpell.ended;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndReason;
import org.junit.jupiter.api.Test;

class EvictionRateTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /*
     * The year 2025 (365 days):
     *   T1 housed all year: 365 days.
     *   T2 in 2025-07-01, evicted for rent arrears 2025-10-01: 31 + 31 + 30 = 92 days, 1 eviction.
     *   T3 in 2024-06-01, evicted for disturbance 2025-03-01: 31 + 28 = 59 days in 2025, 1 eviction.
     *   T4 in 2025-12-01, still housed: 31 days.
     *   T5 in 2024-01-01, ended 2024-12-01 voluntarily: nothing in 2025.
     * 547 days = 1.4976 tenancy-years; 2 evictions: 1.3355 per tenancy-year.
     */
    @Test
    void dividesEvictionsByTenancyYearsAtRisk() {
        EvictionRate rate = EvictionRate.compute(
                List.of(
                        active(d("2024-03-01")),
                        ended(
                                d("2025-07-01"),
                                d("2025-10-01"),
                                EndReason.EVICTION_RENT_ARREARS,
                                DestinationCategory.HOMELESS),
                        ended(
                                d("2024-06-01"),
                                d("2025-03-01"),
                                EndReason.EVICTION_DISTURBANCE,
                                DestinationCategory.TEMPORARY),
                        active(d("2025-12-01")),
                        ended(
                                d("2024-01-01"),
                                d("2024-12-01"),
                                EndReason.TENANT_TERMINATED_VOLUNTARY,
                                DestinationCategory.PERMANENT)),
                d("2025-01-01"),
                d("2025-12-31"));

        assertThat(rate.evictions()).isEqualTo(2);
        assertThat(rate.tenancyDays()).isEqualTo(547);
        assertThat(rate.perTenancyYear()).isCloseTo(2 / (547 / 365.25), Offset.offset(1e-12));
        assertThat(rate.perTenancyYear()).isCloseTo(1.3355, Offset.offset(0.0001));
    }
}
