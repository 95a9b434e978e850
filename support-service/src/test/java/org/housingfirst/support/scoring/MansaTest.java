package org.housingfirst.support.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MansaTest {

    /* S1..S12 = 4, 5, 3, 6, 2, 7, 4, 4, 5, 3, 6, 5: sum 54, mean 54 / 12 = 4.5. */
    static Map<String, Integer> answers() {
        int[] values = {4, 5, 3, 6, 2, 7, 4, 4, 5, 3, 6, 5};
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            answers.put("S" + (i + 1), values[i]);
        }
        return answers;
    }

    @Test
    void scoresTheMeanOfTheTwelveSatisfactionItems() {
        Scores scores = Mansa.score(answers());
        assertThat(scores.values()).containsExactly(Map.entry("satisfaction_mean", 4.5));
        assertThat(scores.scoringVersion()).isEqualTo("mansa-1");
    }

    /* Without S6 (7) and S12 (5): (54 - 12) / 10 = 4.2. */
    @Test
    void scoresTheAnsweredItemsWhenAtMostTwoAreMissing() {
        Map<String, Integer> answers = answers();
        answers.remove("S6");
        answers.remove("S12");
        Scores scores = Mansa.score(answers);
        assertThat(scores.values()).containsExactly(Map.entry("satisfaction_mean", 4.2));
        assertThat(scores.missingItems()).isEqualTo(2);
    }

    @Test
    void rejectsThreeMissingItemsAndAnswersOutsideOneToSeven() {
        Map<String, Integer> missing = answers();
        missing.remove("S1");
        missing.remove("S2");
        missing.remove("S3");
        assertThatThrownBy(() -> Mansa.score(missing)).isInstanceOf(InvalidAnswersException.class);

        Map<String, Integer> outOfRange = answers();
        outOfRange.put("S3", 8);
        assertThatThrownBy(() -> Mansa.score(outOfRange))
                .isInstanceOf(InvalidAnswersException.class)
                .hasMessage("must be from 1 to 7");
    }
}
