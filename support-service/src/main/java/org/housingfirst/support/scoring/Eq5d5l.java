package org.housingfirst.support.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EQ-5D-5L (domain brief §3): five dimensions — mobility {@code MO}, self-care {@code SC}, usual activities {@code UA},
 * pain/discomfort {@code PD}, anxiety/depression {@code AD} — each answered 1–5, give the five-digit health profile
 * ({@code 11111} is full health); the visual analogue scale {@code VAS} is 0–100. An index comes only from a value set
 * the operator configures; its id travels with the score. Every dimension and the VAS are required.
 */
public final class Eq5d5l {

    public static final String SCORING_VERSION = "eq-5d-5l-1";
    static final List<String> DIMENSIONS = List.of("MO", "SC", "UA", "PD", "AD");
    static final String VAS = "VAS";

    private Eq5d5l() {}

    public static Scores score(Map<String, Integer> answers, Optional<Eq5d5lValueSet> valueSet) {
        if (answers == null) {
            throw new InvalidAnswersException("answers", "are required");
        }
        for (String key : answers.keySet()) {
            if (!DIMENSIONS.contains(key) && !VAS.equals(key)) {
                throw new InvalidAnswersException(
                        "answers." + key, "is not an item of EQ-5D-5L (MO, SC, UA, PD, AD, VAS)");
            }
        }
        StringBuilder profile = new StringBuilder();
        for (String dimension : DIMENSIONS) {
            profile.append(required(answers, dimension, 1, 5));
        }
        int vas = required(answers, VAS, 0, 100);
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("vas", (double) vas);
        valueSet.ifPresent(set -> scores.put("index", set.indexByProfile().get(profile.toString())));
        return new Scores(
                scores,
                0,
                SCORING_VERSION,
                profile.toString(),
                valueSet.map(Eq5d5lValueSet::id).orElse(null));
    }

    private static int required(Map<String, Integer> answers, String item, int min, int max) {
        Integer value = answers.get(item);
        if (value == null) {
            throw new InvalidAnswersException("answers." + item, "is required");
        }
        if (value < min || value > max) {
            throw new InvalidAnswersException("answers." + item, "must be from " + min + " to " + max);
        }
        return value;
    }
}
