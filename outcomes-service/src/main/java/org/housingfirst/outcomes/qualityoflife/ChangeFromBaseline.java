package org.housingfirst.outcomes.qualityoflife;

import java.util.List;

/**
 * Mean change of paired scores with a 95 % t interval.
 *
 * @param n participants with both time points
 * @param missingFollowUp participants with a baseline but no follow-up
 * @param mean mean of follow-up minus baseline, null when n = 0
 * @param standardDeviation sample standard deviation of the changes, null when n < 2
 * @param lower lower bound of the 95 % interval, null when n < 2
 * @param upper upper bound of the 95 % interval, null when n < 2
 */
public record ChangeFromBaseline(
        int n, int missingFollowUp, Double mean, Double standardDeviation, Double lower, Double upper) {

    /** The two-sided 95 % critical value of Student's t for {@code df} degrees of freedom. */
    public static double critical95(int df) {
        return StudentT.critical95(df);
    }

    /** The change of one score over paired differences. */
    public static ChangeFromBaseline of(List<Double> differences, int missingFollowUp) {
        int n = differences.size();
        if (n == 0) {
            return new ChangeFromBaseline(0, missingFollowUp, null, null, null, null);
        }
        double mean =
                differences.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n == 1) {
            return new ChangeFromBaseline(1, missingFollowUp, mean, null, null, null);
        }
        double sumOfSquares =
                differences.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
        double sd = Math.sqrt(sumOfSquares / (n - 1));
        double half = StudentT.critical95(n - 1) * sd / Math.sqrt(n);
        return new ChangeFromBaseline(n, missingFollowUp, mean, sd, mean - half, mean + half);
    }
}
