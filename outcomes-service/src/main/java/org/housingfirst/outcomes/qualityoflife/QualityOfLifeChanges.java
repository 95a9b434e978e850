package org.housingfirst.outcomes.qualityoflife;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Change from baseline to a follow-up time point for every score of an instrument, per instrument version and value
 * set: an assessment is only ever paired with one of the same version and value set, and of the same participant.
 */
public final class QualityOfLifeChanges {

    /** The change of one score for one instrument version and value set. */
    public record ScoreChange(String instrumentVersion, String valueSetId, String score, ChangeFromBaseline change) {}

    /**
     * One assessment of the instrument in question.
     *
     * @param baseline true for the baseline, false for the follow-up time point
     * @param valueSetId EQ-5D-5L value set, else null
     */
    public record Assessment(
            String participant, String version, String valueSetId, boolean baseline, Map<String, Double> scores) {}

    private QualityOfLifeChanges() {}

    /** Score changes per instrument version and value set, in that order, then by score name. */
    public static List<ScoreChange> compute(List<Assessment> assessments) {
        Map<List<String>, Map<String, Assessment>> baselines = new TreeMap<>(BY_VERSION_AND_VALUE_SET);
        Map<List<String>, Map<String, Assessment>> followUps = new TreeMap<>(BY_VERSION_AND_VALUE_SET);
        for (Assessment a : assessments) {
            List<String> key = List.of(a.version(), Objects.toString(a.valueSetId(), ""));
            (a.baseline() ? baselines : followUps)
                    .computeIfAbsent(key, k -> new TreeMap<>())
                    .put(a.participant(), a);
        }
        List<ScoreChange> result = new ArrayList<>();
        baselines.forEach((key, byParticipant) -> {
            Map<String, Assessment> later = followUps.getOrDefault(key, Map.of());
            TreeSet<String> scores = new TreeSet<>();
            byParticipant.values().forEach(a -> scores.addAll(a.scores().keySet()));
            for (String score : scores) {
                List<Double> differences = new ArrayList<>();
                int missing = 0;
                for (Assessment baseline : byParticipant.values()) {
                    if (!baseline.scores().containsKey(score)) {
                        continue;
                    }
                    Assessment next = later.get(baseline.participant());
                    if (next == null || !next.scores().containsKey(score)) {
                        missing++;
                    } else {
                        differences.add(
                                next.scores().get(score) - baseline.scores().get(score));
                    }
                }
                result.add(new ScoreChange(
                        key.get(0),
                        key.get(1).isEmpty() ? null : key.get(1),
                        score,
                        ChangeFromBaseline.of(differences, missing)));
            }
        });
        return result;
    }

    private static final Comparator<List<String>> BY_VERSION_AND_VALUE_SET =
            Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1));
}
