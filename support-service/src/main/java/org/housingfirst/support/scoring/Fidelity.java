package org.housingfirst.support.scoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a fidelity assessment on a {@link FidelityScale}: every item of the scale answered 1–4, nothing else; the
 * total is the sum, each domain's mean is the mean of its items, and the percentage of the maximum is {@code total /
 * (4 × items) × 100}. For the 38-item Pathways scale the total runs from 38 to 152 (domain brief §4.3).
 */
public final class Fidelity {

    public static final String SCORING_VERSION = "fidelity-1";

    /** The scored assessment; domain means and the percentage are rounded to two decimals. */
    public record Result(
            Map<String, Integer> itemScores, Map<String, Double> domainMeans, int total, double percentOfMaximum) {}

    private Fidelity() {}

    public static Result score(FidelityScale scale, Map<String, Integer> itemScores) {
        if (itemScores == null) {
            throw new InvalidAnswersException("itemScores", "are required");
        }
        for (Map.Entry<String, Integer> item : itemScores.entrySet()) {
            String field = "itemScores." + item.getKey();
            if (!scale.domainByItem().containsKey(item.getKey())) {
                throw new InvalidAnswersException(field, "is not an item of " + scale.id() + " " + scale.version());
            }
            Integer value = item.getValue();
            if (value == null || value < FidelityScale.MIN_SCORE || value > FidelityScale.MAX_SCORE) {
                throw new InvalidAnswersException(field, "must be from 1 to 4");
            }
        }
        for (String item : scale.domainByItem().keySet()) {
            if (!itemScores.containsKey(item)) {
                throw new InvalidAnswersException("itemScores." + item, "is required");
            }
        }
        Map<String, int[]> sums = new TreeMap<>();
        int total = 0;
        for (Map.Entry<String, String> item : scale.domainByItem().entrySet()) {
            int value = itemScores.get(item.getKey());
            total += value;
            int[] sum = sums.computeIfAbsent(item.getValue(), d -> new int[2]);
            sum[0] += value;
            sum[1]++;
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((domain, sum) -> means.put(domain, Scores.round((double) sum[0] / sum[1])));
        return new Result(new TreeMap<>(itemScores), means, total, Scores.round(100.0 * total / scale.maximum()));
    }
}
