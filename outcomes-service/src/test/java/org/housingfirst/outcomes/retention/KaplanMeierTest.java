package org.housingfirst.outcomes.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    private static final Offset<Double> THREE_DECIMALS = Offset.offset(0.0005);

    /*
     * The textbook example: remission times in weeks of the 21 patients on 6-MP (Freireich et al. 1963), + censored:
     * 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+.
     * Product-limit estimate (Klein & Moeschberger, table 4.1; Kleinbaum & Klein):
     *   t=6  n=21 d=3  S=0.857 SE=0.076
     *   t=7  n=17 d=1  S=0.807 SE=0.087
     *   t=10 n=15 d=1  S=0.753 SE=0.096
     *   t=13 n=12 d=1  S=0.690 SE=0.107
     *   t=16 n=11 d=1  S=0.627 SE=0.114
     *   t=22 n=7  d=1  S=0.538 SE=0.128
     *   t=23 n=6  d=1  S=0.448 SE=0.135
     */
    @Test
    void reproducesTheTextbookSixMpEstimate() {
        List<KaplanMeier.Observation> data = new ArrayList<>();
        for (String t : "6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+".split(" ")) {
            boolean censored = t.endsWith("+");
            data.add(new KaplanMeier.Observation(Long.parseLong(t.replace("+", "")), !censored));
        }

        List<KaplanMeier.Step> eventSteps =
                KaplanMeier.estimate(data).stream().filter(s -> s.events() > 0).toList();

        assertThat(eventSteps).extracting(KaplanMeier.Step::time).containsExactly(6L, 7L, 10L, 13L, 16L, 22L, 23L);
        assertThat(eventSteps).extracting(KaplanMeier.Step::atRisk).containsExactly(21, 17, 15, 12, 11, 7, 6);
        double[] survival = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
        double[] standardError = {0.076, 0.087, 0.096, 0.107, 0.114, 0.128, 0.135};
        for (int i = 0; i < survival.length; i++) {
            assertThat(eventSteps.get(i).survival()).isCloseTo(survival[i], THREE_DECIMALS);
            assertThat(eventSteps.get(i).standardError()).isCloseTo(standardError[i], THREE_DECIMALS);
        }
        // the log-log interval, as R's survfit(conf.type = "log-log") gives it: 0.1880520060 to 0.6801426285
        KaplanMeier.Step last = eventSteps.getLast();
        assertThat(last.lower()).isCloseTo(0.1880520060, Offset.offset(1e-9));
        assertThat(last.upper()).isCloseTo(0.6801426285, Offset.offset(1e-9));
        assertThat(KaplanMeier.median(KaplanMeier.estimate(data))).isEqualTo(23.0);
    }

    /* Everyone censored: the curve stays at 1 with no uncertainty and no log-log interval (R: NA). */
    @Test
    void staysAtOneWhenNothingHappens() {
        List<KaplanMeier.Step> steps = KaplanMeier.estimate(
                List.of(new KaplanMeier.Observation(3, false), new KaplanMeier.Observation(5, false)));
        assertThat(steps).extracting(KaplanMeier.Step::survival).containsExactly(1.0, 1.0);
        assertThat(steps).extracting(KaplanMeier.Step::atRisk).containsExactly(2, 1);
        assertThat(steps.getFirst().standardError()).isZero();
        assertThat(steps.getFirst().lower()).isNull();
        assertThat(KaplanMeier.median(steps)).isNull();
    }

    /* Two of two fail at once: S drops to 0, where neither the SE nor the interval exists (R: NaN, NA), not [0, 0]. */
    @Test
    void dropsToZeroWhenAllFail() {
        List<KaplanMeier.Step> steps = KaplanMeier.estimate(
                List.of(new KaplanMeier.Observation(4, true), new KaplanMeier.Observation(4, true)));
        assertThat(steps.getFirst().survival()).isZero();
        assertThat(steps.getFirst().standardError()).isNull();
        assertThat(steps.getFirst().lower()).isNull();
        assertThat(steps.getFirst().upper()).isNull();
        assertThat(KaplanMeier.median(steps)).isEqualTo(4.0);
    }

    /*
     * R's rule for a curve that sits exactly on 50 %: events at 2, 4, 6, 8 give S = 0.5 from day 4 to day 6, so the
     * median is the middle, 5; with events at 3 and 3 and follow-up ending at 7 (censored at 5 and 7), S stays at 0.5
     * to the end and the median is (3 + 7) / 2 = 5. quantile.survfit in R gives 5 for both.
     */
    @Test
    void aMedianOnAFlatStepIsItsMiddle() {
        List<KaplanMeier.Observation> four = List.of(
                new KaplanMeier.Observation(2, true),
                new KaplanMeier.Observation(4, true),
                new KaplanMeier.Observation(6, true),
                new KaplanMeier.Observation(8, true));
        assertThat(KaplanMeier.median(KaplanMeier.estimate(four))).isEqualTo(5.0);
        List<KaplanMeier.Observation> flatToTheEnd = List.of(
                new KaplanMeier.Observation(3, true),
                new KaplanMeier.Observation(3, true),
                new KaplanMeier.Observation(5, false),
                new KaplanMeier.Observation(7, false));
        assertThat(KaplanMeier.median(KaplanMeier.estimate(flatToTheEnd))).isEqualTo(5.0);
    }

    /*
     * 6 people, events on days 1, 2 and 3: S = 5/6 x 4/5 x 3/4, which is 0.5 exactly but need not be in floating
     * point; the curve then stays there until the last event on day 10, so the median is (3 + 10) / 2 = 6.5, never 3
     * or 10 by a rounding error.
     */
    @Test
    void aProductNextToOneHalfCountsAsOneHalf() {
        List<KaplanMeier.Observation> six = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            six.add(new KaplanMeier.Observation(day, true));
        }
        for (int i = 0; i < 3; i++) {
            six.add(new KaplanMeier.Observation(10, true));
        }
        assertThat(KaplanMeier.median(KaplanMeier.estimate(six))).isEqualTo(6.5);
    }
}
