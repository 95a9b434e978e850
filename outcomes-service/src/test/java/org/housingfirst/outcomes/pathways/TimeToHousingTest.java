package org.housingfirst.outcomes.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.housingfirst.outcomes.pathways.PeriodRetentionTest.d;

import java.util.List;
import org.housingfirst.outcomes.pathways.TimeToHousing.Enrolment;
import org.junit.jupiter.api.Test;

class TimeToHousingTest {

    /*
     * Enrolled in 2025, as of 2025-12-31 (docs/metrics.md). Days to housing: 30, 60, 90, 150; waiting: 40 (enrolled
     * 2025-11-21) and 213 (housed only on 2026-01-10, after the as-of date). Kaplan-Meier share still waiting:
     * 5/6 = 0.833 after day 30; the one censored at 40 leaves 4 at risk: 0.833 x 3/4 = 0.625 after day 60;
     * 0.625 x 2/3 = 0.417 after day 90: the median is 90 days.
     */
    @Test
    void handWorkedMedianWithWaitingCensored() {
        List<Enrolment> enrolments = List.of(
                enrolment(d("2025-01-01"), d("2025-01-31")),
                enrolment(d("2025-02-01"), d("2025-04-02")),
                enrolment(d("2025-03-01"), d("2025-05-30")),
                enrolment(d("2025-11-21"), null),
                enrolment(d("2025-04-01"), d("2025-08-29")),
                enrolment(d("2025-06-01"), d("2026-01-10")));

        TimeToHousing result = TimeToHousing.compute(enrolments, d("2025-12-31"));

        assertThat(result.enrolled()).isEqualTo(6);
        assertThat(result.housed()).isEqualTo(4);
        assertThat(result.waiting()).isEqualTo(2);
        assertThat(result.medianDays()).isEqualTo(90.0);
    }

    /*
     * Enrolled 2025-01-01, exited 2025-02-01 without housing, enrolled again 2025-05-01 and housed 2025-06-01. The
     * move-in belongs to the second enrolment: the first is censored at its exit on day 31 (not housed after 151
     * days), the second housed after 31 days. Both on day 31, 2 at risk: S = 1/2, flat to the end of follow-up on
     * day 31, so R's rule gives (31 + 31) / 2 = 31.
     */
    @Test
    void anEnrolmentThatExitsWithoutHousingIsNotHousedByALaterOne() {
        List<java.time.LocalDate> exits = List.of(d("2025-02-01"));
        List<java.time.LocalDate> moveIns = List.of(d("2025-06-01"));
        Enrolment first = Enrolment.of(d("2025-01-01"), exits, moveIns);
        Enrolment second = Enrolment.of(d("2025-05-01"), exits, moveIns);
        assertThat(first.firstMoveIn()).isNull();
        assertThat(first.exitedOn()).isEqualTo(d("2025-02-01"));
        assertThat(second.firstMoveIn()).isEqualTo(d("2025-06-01"));

        TimeToHousing result = TimeToHousing.compute(List.of(first, second), d("2025-12-31"));

        assertThat(result.enrolled()).isEqualTo(2);
        assertThat(result.housed()).isEqualTo(1);
        assertThat(result.waiting()).isEqualTo(1);
        assertThat(result.medianDays()).isEqualTo(31.0);
    }

    private static Enrolment enrolment(java.time.LocalDate on, java.time.LocalDate moveIn) {
        return new Enrolment(on, moveIn, null);
    }

    @Test
    void noMedianWhileMostAreWaiting() {
        TimeToHousing result = TimeToHousing.compute(
                List.of(
                        enrolment(d("2025-01-01"), d("2025-02-01")),
                        enrolment(d("2025-03-01"), null),
                        enrolment(d("2025-03-02"), null)),
                d("2025-12-31"));
        assertThat(result.medianDays()).isNull();
        assertThat(result.waiting()).isEqualTo(2);
    }
}
