package org.housingfirst.support.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of scoring: named scores rounded to two decimals, how many items were missing, and the version of the
 * algorithm that produced them. EQ-5D-5L adds its health profile and the value set behind its index.
 */
public record Scores(
        Map<String, Double> values, int missingItems, String scoringVersion, String healthProfile, String valueSetId) {

    public Scores {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
