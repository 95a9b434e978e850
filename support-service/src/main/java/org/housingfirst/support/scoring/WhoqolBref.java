package org.housingfirst.support.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WHOQOL-BREF, following the WHO manual (domain brief §3). 26 items answered 1–5; items 3, 4 and 26 are reversed ({@code
 * 6 - x}). Items 1 and 2 are reported as they are. Each domain's raw score is the mean of its items times 4 (4–20), and
 * is transformed to 0–100 as {@code (raw - 4) * 100 / 16}. There is no total score.
 *
 * <p>Missing items: an assessment with more than 20 % of the items missing (six or more) is rejected. A domain with at
 * most two missing items (at most one in the three-item social domain) is scored on the mean of its answered items,
 * which is what substituting the domain mean amounts to; a domain with more missing items gets no score.
 */
public final class WhoqolBref {

    public static final String SCORING_VERSION = "whoqol-bref-1";
    static final int ITEMS = 26;
    private static final int MAX_MISSING = 5;
    private static final Set<Integer> REVERSED = Set.of(3, 4, 26);

    private record Domain(String name, List<Integer> items, int maxMissing) {}

    private static final List<Domain> DOMAINS = List.of(
            new Domain("physical", List.of(3, 4, 10, 15, 16, 17, 18), 2),
            new Domain("psychological", List.of(5, 6, 7, 11, 19, 26), 2),
            new Domain("social", List.of(20, 21, 22), 1),
            new Domain("environment", List.of(8, 9, 12, 13, 14, 23, 24, 25), 2));

    private WhoqolBref() {}

    /**
     * @param answers item code {@code Q1}…{@code Q26} to answer 1–5; an absent item is missing
     */
    public static Scores score(Map<String, Integer> answers) {
        Map<Integer, Integer> items = ItemAnswers.read(answers, "Q", ITEMS, 1, 5);
        int missing = ITEMS - items.size();
        if (missing > MAX_MISSING) {
            throw new InvalidAnswersException(
                    "answers", missing + " of 26 items are missing; at most " + MAX_MISSING + " may be");
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        putIfAnswered(scores, "overall_quality_of_life", items.get(1));
        putIfAnswered(scores, "overall_health", items.get(2));
        for (Domain domain : DOMAINS) {
            double sum = 0;
            int answered = 0;
            for (int item : domain.items()) {
                Integer answer = items.get(item);
                if (answer != null) {
                    sum += REVERSED.contains(item) ? 6 - answer : answer;
                    answered++;
                }
            }
            if (domain.items().size() - answered <= domain.maxMissing()) {
                double raw = sum / answered * 4;
                scores.put(domain.name() + "_raw", Scores.round(raw));
                scores.put(domain.name() + "_100", Scores.round((raw - 4) * 100 / 16));
            }
        }
        return new Scores(scores, missing, SCORING_VERSION, null, null);
    }

    private static void putIfAnswered(Map<String, Double> scores, String name, Integer answer) {
        if (answer != null) {
            scores.put(name, answer.doubleValue());
        }
    }
}
