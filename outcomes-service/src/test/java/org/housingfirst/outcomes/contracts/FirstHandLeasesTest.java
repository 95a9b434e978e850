package org.housingfirst.outcomes.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.housingfirst.contracts.tenancy.ContractType.FIRST_HAND_LEASE;
import static org.housingfirst.contracts.tenancy.ContractType.MUNICIPAL_RENTAL;
import static org.housingfirst.contracts.tenancy.ContractType.SECOND_HAND_SOCIAL;

import java.time.LocalDate;
import java.util.List;
import org.housingfirst.outcomes.contracts.FirstHandLeases.Conversion;
import org.housingfirst.outcomes.contracts.FirstHandLeases.Tenancy;
import org.junit.jupiter.api.Test;

class FirstHandLeasesTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /*
     * As of 2026-06-30, period 2026-01-01 to 2026-06-30:
     *   T1 first-hand, active; T2 second-hand, converted to first-hand 2026-02-01; T3 second-hand, active;
     *   T4 first-hand, ended 2026-01-01 (not active); T5 municipal rental, active;
     *   T6 second-hand, converted 2026-07-15 (after the as-of date: still second-hand, and outside the period).
     * Active T1, T2, T3, T5, T6 = 5; first-hand T1, T2 = 2: 40 %. Conversions in the period: T2 = 1.
     */
    @Test
    void countsTheHandWorkedTenancies() {
        FirstHandLeases result = FirstHandLeases.compute(
                List.of(
                        new Tenancy(d("2025-03-01"), null, FIRST_HAND_LEASE, List.of()),
                        new Tenancy(
                                d("2025-04-01"),
                                null,
                                SECOND_HAND_SOCIAL,
                                List.of(new Conversion(d("2026-02-01"), SECOND_HAND_SOCIAL, FIRST_HAND_LEASE))),
                        new Tenancy(d("2025-05-01"), null, SECOND_HAND_SOCIAL, List.of()),
                        new Tenancy(d("2025-01-01"), d("2026-01-01"), FIRST_HAND_LEASE, List.of()),
                        new Tenancy(d("2025-06-01"), null, MUNICIPAL_RENTAL, List.of()),
                        new Tenancy(
                                d("2025-07-01"),
                                null,
                                SECOND_HAND_SOCIAL,
                                List.of(new Conversion(d("2026-07-15"), SECOND_HAND_SOCIAL, FIRST_HAND_LEASE)))),
                d("2026-06-30"),
                d("2026-01-01"),
                d("2026-06-30"));

        assertThat(result.activeTenancies()).isEqualTo(5);
        assertThat(result.firstHand()).isEqualTo(2);
        assertThat(result.share()).isEqualTo(0.4);
        assertThat(result.conversionsToFirstHand()).isEqualTo(1);
    }
}
