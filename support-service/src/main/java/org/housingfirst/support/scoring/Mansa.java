package org.housingfirst.support.scoring;

import java.util.Map;

/**
 * MANSA (Manchester Short Assessment of Quality of Life): the mean of the 12 subjective satisfaction items, each
 * answered 1–7 (domain brief §3). Items are {@code S1}…{@code S12}; the objective items are not scored here.
 *
 * <p>Missing items: the brief gives no rule. This platform scores the mean of the answered items when at most two of
 * the twelve are missing and rejects the assessment otherwise; the rule travels as {@link #SCORING_VERSION}.
 */
public final class Mansa {

    public static final String SCORING_VERSION = "mansa-1";
    static final int ITEMS = 12;
    private static final int MAX_MISSING = 2;

    private Mansa() {}

    public static Scores score(Map<String, Integer> answers) {
        Map<Integer, Integer> items = ItemAnswers.read(answers, "S", ITEMS, 1, 7);
        int missing = ITEMS - items.size();
        if (missing > MAX_MISSING) {
            throw new InvalidAnswersException(
                    "answers", missing + " of 12 satisfaction items are missing; at most " + MAX_MISSING + " may be");
        }
        double mean =
                items.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        return new Scores(Map.of("satisfaction_mean", Scores.round(mean)), missing, SCORING_VERSION, null, null);
    }
}
