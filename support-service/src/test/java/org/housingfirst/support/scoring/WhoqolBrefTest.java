package org.housingfirst.support.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhoqolBrefTest {

    /*
     * Worked by hand (domain = mean of its items x 4; 0-100 = (raw - 4) x 100 / 16; items 3, 4, 26 reversed as 6 - x):
     * physical      Q3=2->4, Q4=1->5, Q10=4, Q15=3, Q16=4, Q17=3, Q18=4: 27/7 = 3.857143 x 4 = 15.43 -> 71.43
     * psychological Q5=3, Q6=4, Q7=3, Q11=2, Q19=3, Q26=4->2:           17/6 = 2.833333 x 4 = 11.33 -> 45.83
     * social        Q20=4, Q21=2, Q22=5:                                 11/3 = 3.666667 x 4 = 14.67 -> 66.67
     * environment   Q8=3, Q9=4, Q12=2, Q13=3, Q14=2, Q23=4, Q24=3, Q25=3: 24/8 = 3 x 4 = 12 -> 50
     */
    static Map<String, Integer> workedExample() {
        Map<String, Integer> answers = new HashMap<>();
        int[] values = {4, 2, 2, 1, 3, 4, 3, 3, 4, 4, 2, 2, 3, 2, 3, 4, 3, 4, 3, 4, 2, 5, 4, 3, 3, 4};
        for (int i = 0; i < values.length; i++) {
            answers.put("Q" + (i + 1), values[i]);
        }
        return answers;
    }

    @Test
    void scoresTheFourDomainsWithReversedItems() {
        Scores scores = WhoqolBref.score(workedExample());

        assertThat(scores.values())
                .containsExactly(
                        entry("overall_quality_of_life", 4.0),
                        entry("overall_health", 2.0),
                        entry("physical_raw", 15.43),
                        entry("physical_100", 71.43),
                        entry("psychological_raw", 11.33),
                        entry("psychological_100", 45.83),
                        entry("social_raw", 14.67),
                        entry("social_100", 66.67),
                        entry("environment_raw", 12.0),
                        entry("environment_100", 50.0));
        assertThat(scores.missingItems()).isZero();
        assertThat(scores.scoringVersion()).isEqualTo("whoqol-bref-1");
    }

    @Test
    void scoresTheMiddleOfTheScaleAsFifty() {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 1; i <= 26; i++) {
            answers.put("Q" + i, 3);
        }
        assertThat(WhoqolBref.score(answers).values())
                .contains(entry("physical_raw", 12.0), entry("physical_100", 50.0), entry("social_100", 50.0));
    }

    /* Q16, Q17 missing: physical = (4 + 5 + 4 + 3 + 4) / 5 = 4 -> 16 -> 75. Q21 missing: social = (4 + 5) / 2 -> 18 -> 87.5. */
    @Test
    void scoresADomainOnItsAnsweredItemsWhenFewAreMissing() {
        Map<String, Integer> answers = workedExample();
        answers.remove("Q16");
        answers.remove("Q17");
        answers.put("Q21", null);

        Scores scores = WhoqolBref.score(answers);

        assertThat(scores.values())
                .contains(
                        entry("physical_raw", 16.0),
                        entry("physical_100", 75.0),
                        entry("social_raw", 18.0),
                        entry("social_100", 87.5));
        assertThat(scores.missingItems()).isEqualTo(3);
    }

    @Test
    void leavesOutADomainWithTooManyMissingItems() {
        Map<String, Integer> answers = workedExample();
        answers.remove("Q20");
        answers.remove("Q21");
        answers.remove("Q3");
        answers.remove("Q4");
        answers.remove("Q10");

        Scores scores = WhoqolBref.score(answers);

        assertThat(scores.values()).doesNotContainKeys("social_raw", "social_100", "physical_raw", "physical_100");
        assertThat(scores.values()).containsKeys("psychological_100", "environment_100");
        assertThat(scores.missingItems()).isEqualTo(5);
    }

    @Test
    void rejectsAnAssessmentWithMoreThanTwentyPercentMissing() {
        Map<String, Integer> answers = workedExample();
        for (String item : new String[] {"Q1", "Q2", "Q5", "Q8", "Q9", "Q12"}) {
            answers.remove(item);
        }
        assertThatThrownBy(() -> WhoqolBref.score(answers))
                .isInstanceOf(InvalidAnswersException.class)
                .hasMessage("6 of 26 items are missing; at most 5 may be");
    }

    @Test
    void rejectsAnswersOutOfRangeAndUnknownItems() {
        Map<String, Integer> outOfRange = workedExample();
        outOfRange.put("Q7", 6);
        assertThatThrownBy(() -> WhoqolBref.score(outOfRange))
                .isInstanceOf(InvalidAnswersException.class)
                .extracting(e -> ((InvalidAnswersException) e).field())
                .isEqualTo("answers.Q7");

        Map<String, Integer> unknown = workedExample();
        unknown.put("Q27", 3);
        assertThatThrownBy(() -> WhoqolBref.score(unknown))
                .isInstanceOf(InvalidAnswersException.class)
                .extracting(e -> ((InvalidAnswersException) e).field())
                .isEqualTo("answers.Q27");
    }
}
