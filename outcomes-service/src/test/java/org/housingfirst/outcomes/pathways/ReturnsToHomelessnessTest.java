package org.housingfirst.outcomes.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.housingfirst.outcomes.pathways.PeriodRetentionTest.d;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.outcomes.pathways.ReturnsToHomelessness.Exit;
import org.housingfirst.outcomes.pathways.ReturnsToHomelessness.Path;
import org.junit.jupiter.api.Test;

class ReturnsToHomelessnessTest {

    /*
     * Exits in 2024, as of 2027-01-15 (full 24-month follow-up) (docs/metrics.md):
     *   P1 exit 2024-03-01 permanent, enrolled again 2024-06-01 (3 months)   return, up to 6 months
     *   P2 exit 2024-02-01 permanent, enrolled again 2024-02-10 (9 days)     transfer, no return
     *   P3 exit 2024-05-01 permanent, enrolled again 2025-02-01 (9 months)   return, 7-12 months
     *   P4 exit 2024-07-01 permanent, enrolled again 2026-01-01 (18 months)  return, 13-24 months
     *   P5 exit 2024-08-01 permanent, enrolled again 2026-09-01 (25 months)  no return within 24 months
     *   P6 exit 2024-04-01 homeless                                         not a positive exit
     *   P7 exit 2023-12-01 permanent                                        outside the window
     *   P8 exits 2024-02-01 and 2024-09-01 permanent, enrolled 2024-03-01    earliest exit counts: return, up to 6
     * 6 exits, 4 returns: 0.667 (2 / 1 / 1 by time to return).
     */
    @Test
    void handWorkedExits() {
        List<Path> paths = List.of(
                path(List.of(permanent("2024-03-01")), "2022-01-01", "2024-06-01"),
                path(List.of(permanent("2024-02-01")), "2022-01-01", "2024-02-10"),
                path(List.of(permanent("2024-05-01")), "2022-01-01", "2025-02-01"),
                path(List.of(permanent("2024-07-01")), "2022-01-01", "2026-01-01"),
                path(List.of(permanent("2024-08-01")), "2022-01-01", "2026-09-01"),
                path(List.of(new Exit(d("2024-04-01"), DestinationCategory.HOMELESS)), "2022-01-01"),
                path(List.of(permanent("2023-12-01")), "2022-01-01"),
                path(List.of(permanent("2024-02-01"), permanent("2024-09-01")), "2022-01-01", "2024-03-01"));

        ReturnsToHomelessness result =
                ReturnsToHomelessness.compute(paths, d("2024-01-01"), d("2024-12-31"), d("2027-01-15"));

        assertThat(result.exits()).isEqualTo(6);
        assertThat(result.returned()).isEqualTo(4);
        assertThat(result.withinSixMonths()).isEqualTo(2);
        assertThat(result.withinTwelveMonths()).isEqualTo(1);
        assertThat(result.withinTwentyFourMonths()).isEqualTo(1);
        assertThat(result.rate()).isCloseTo(4.0 / 6, Offset.offset(1e-12));
    }

    /*
     * HUD's day bands at their edges, one exit on 2024-01-01 each, as of 2026-06-30: back on day 14 (transfer), 15,
     * 180 (days 0-180), 181, 365 (181-365), 366, 730 (366-730) and 731 (no return). Month arithmetic put day 181 or
     * 182 in the first band and day 731 among the returns.
     */
    @Test
    void returnsFallInHudsDayBands() {
        LocalDate exit = d("2024-01-01");
        List<Path> paths = java.util.stream.IntStream.of(14, 15, 180, 181, 365, 366, 730, 731)
                .mapToObj(day ->
                        new Path(List.of(new Exit(exit, DestinationCategory.PERMANENT)), List.of(exit.plusDays(day))))
                .toList();

        ReturnsToHomelessness result =
                ReturnsToHomelessness.compute(paths, d("2024-01-01"), d("2024-01-31"), d("2026-06-30"));

        assertThat(result.exits()).isEqualTo(8);
        assertThat(result.withinSixMonths()).as("days 15 and 180").isEqualTo(2);
        assertThat(result.withinTwelveMonths()).as("days 181 and 365").isEqualTo(2);
        assertThat(result.withinTwentyFourMonths()).as("days 366 and 730").isEqualTo(2);
        assertThat(result.returned()).as("not day 14 (transfer) nor day 731").isEqualTo(6);
    }

    @Test
    void aWindowWithoutFullFollowUpIsRefused() {
        assertThatThrownBy(() ->
                        ReturnsToHomelessness.compute(List.of(), d("2025-01-01"), d("2025-12-31"), d("2026-11-24")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Exit permanent(String on) {
        return new Exit(d(on), DestinationCategory.PERMANENT);
    }

    private static Path path(List<Exit> exits, String... enrolments) {
        return new Path(
                exits,
                java.util.Arrays.stream(enrolments).map(PeriodRetentionTest::d).toList());
    }
}
