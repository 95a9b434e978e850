package org.housingfirst.outcomes.qualityoflife;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ChangeFromBaselineTest {

    private static final Offset<Double> PRECISE = Offset.offset(0.001);

    /* Critical values from printed t tables: df 1 -> 12.706, 4 -> 2.776, 10 -> 2.228, 30 -> 2.042, 120 -> 1.980. */
    @Test
    void studentTQuantilesMatchTheTables() {
        assertThat(StudentT.critical95(1)).isCloseTo(12.706, PRECISE);
        assertThat(StudentT.critical95(4)).isCloseTo(2.776, PRECISE);
        assertThat(StudentT.critical95(10)).isCloseTo(2.228, PRECISE);
        assertThat(StudentT.critical95(30)).isCloseTo(2.042, PRECISE);
        assertThat(StudentT.critical95(120)).isCloseTo(1.980, PRECISE);
    }

    /*
     * Five participants' changes in a WHOQOL-BREF domain (0-100): 5, 10, -5, 15, 0.
     * Mean 25 / 5 = 5. Deviations 0, 5, -10, 10, -5; squares sum 250; variance 250 / 4 = 62.5; SD 7.9057.
     * SE = 7.9057 / sqrt(5) = 3.5355; t(0.975, 4) = 2.7764; half-width 9.8163: interval [-4.816, 14.816].
     */
    @Test
    void meanChangeWithATInterval() {
        ChangeFromBaseline change = ChangeFromBaseline.of(List.of(5.0, 10.0, -5.0, 15.0, 0.0), 2);

        assertThat(change.n()).isEqualTo(5);
        assertThat(change.missingFollowUp()).isEqualTo(2);
        assertThat(change.mean()).isEqualTo(5.0);
        assertThat(change.standardDeviation()).isCloseTo(7.9057, Offset.offset(0.0001));
        assertThat(change.lower()).isCloseTo(-4.816, PRECISE);
        assertThat(change.upper()).isCloseTo(14.816, PRECISE);
    }

    @Test
    void reportsNoIntervalBelowTwoPairs() {
        assertThat(ChangeFromBaseline.of(List.of(3.0), 0).lower()).isNull();
        assertThat(ChangeFromBaseline.of(List.of(), 4).mean()).isNull();
        assertThat(ChangeFromBaseline.of(List.of(), 4).missingFollowUp()).isEqualTo(4);
    }
}
