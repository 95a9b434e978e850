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
                new Enrolment(d("2025-01-01"), d("2025-01-31")),
                new Enrolment(d("2025-02-01"), d("2025-04-02")),
                new Enrolment(d("2025-03-01"), d("2025-05-30")),
                new Enrolment(d("2025-11-21"), null),
                new Enrolment(d("2025-04-01"), d("2025-08-29")),
                new Enrolment(d("2025-06-01"), d("2026-01-10")));

        TimeToHousing result = TimeToHousing.compute(enrolments, d("2025-12-31"));

        assertThat(result.enrolled()).isEqualTo(6);
        assertThat(result.housed()).isEqualTo(4);
        assertThat(result.waiting()).isEqualTo(2);
        assertThat(result.medianDays()).isEqualTo(90L);
    }

    @Test
    void noMedianWhileMostAreWaiting() {
        TimeToHousing result = TimeToHousing.compute(
                List.of(
                        new Enrolment(d("2025-01-01"), d("2025-02-01")),
                        new Enrolment(d("2025-03-01"), null),
                        new Enrolment(d("2025-03-02"), null)),
                d("2025-12-31"));
        assertThat(result.medianDays()).isNull();
        assertThat(result.waiting()).isEqualTo(2);
    }
}
