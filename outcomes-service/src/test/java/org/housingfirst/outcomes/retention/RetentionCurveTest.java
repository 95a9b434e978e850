package org.housingfirst.outcomes.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RetentionCurveTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /*
     * The hand-worked cohort of ProgrammeRetentionTest, in days from each first move-in (G = 14 days):
     *   P12 177 censored (long-term care)    P2  181 LOSS (evicted)          P7 184 censored (other permanent housing)
     *   P6  214 censored (death)             P8  228 censored (unknown)      P10 333 censored (as of)
     *   P5  339 LOSS (rehoused after 31 d)   P11 362 censored (gap open)     P9  370 censored (gap open)
     *   P4  455 censored (rehoused in 11 d)  P3  486 censored (rehoused)     P1  536 censored (as of)
     * At 181: 11 at risk, 1 loss: S = 10/11 = 0.90909; SE = S * sqrt(1/(11*10)) = 0.08668.
     * At 339: 6 at risk, 1 loss: S = 10/11 * 5/6 = 0.75758; SE = S * sqrt(1/110 + 1/30) = 0.15604.
     */
    @Test
    void estimatesTheHandWorkedCohort() {
        List<KaplanMeier.Step> steps = RetentionCurve.estimate(
                ProgrammeRetentionTest.COHORT, AS_OF, RetentionDefinition.DEFAULT_REHOUSING_GAP_DAYS);

        assertThat(steps)
                .extracting(KaplanMeier.Step::time)
                .containsExactly(177L, 181L, 184L, 214L, 228L, 333L, 339L, 362L, 370L, 455L, 486L, 536L);
        List<KaplanMeier.Step> losses =
                steps.stream().filter(s -> s.events() > 0).toList();
        assertThat(losses).extracting(KaplanMeier.Step::time).containsExactly(181L, 339L);
        assertThat(losses).extracting(KaplanMeier.Step::atRisk).containsExactly(11, 6);
        assertThat(losses.get(0).survival()).isCloseTo(10.0 / 11, Offset.offset(1e-9));
        assertThat(losses.get(0).standardError()).isCloseTo(0.08668, Offset.offset(0.00001));
        assertThat(losses.get(1).survival()).isCloseTo(10.0 / 11 * 5 / 6, Offset.offset(1e-9));
        assertThat(losses.get(1).standardError()).isCloseTo(0.15604, Offset.offset(0.00001));
        assertThat(steps.getLast().survival()).isCloseTo(0.75758, Offset.offset(0.00001));
    }
}
