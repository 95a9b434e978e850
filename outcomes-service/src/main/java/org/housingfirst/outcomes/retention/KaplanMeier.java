package org.housingfirst.outcomes.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The Kaplan–Meier product-limit estimator with Greenwood's variance and the log-log 95 % interval, as R's
 * {@code survfit(..., conf.type = "log-log")} computes them; the test compares both with R's survival package.
 *
 * <p>At each time with at least one event, S(t) = S(t−) × (1 − d/n), with n at risk just before t (censored at t
 * count as at risk at t). Greenwood: σ²(t) = Σ d / (n (n − d)), the variance of log S; SE(S) = S σ. The interval is
 * S^exp(±1.96 σ / log S), always inside (0, 1). Where S is 1 (no event yet) or 0 (everyone had the event) the interval
 * is undefined, as R's NA: null; so is the standard error where S is 0 (the last term of Greenwood's sum is infinite).
 *
 * <p>Quantiles follow R's {@code quantile.survfit}: the first time the curve falls below 1 − p, and where it stays
 * at exactly 1 − p (within √ε) over a step, the midpoint of that step (to the last follow-up time when it is the last).
 */
public final class KaplanMeier {

    private static final double Z_95 = 1.959963984540054;
    /** R's tolerance for a curve that sits exactly on a quantile: {@code sqrt(.Machine$double.eps)}. */
    private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    public static final String INTERVAL = "log-log";

    /** One participant: the time observed and whether it ended in the event (true) or was censored (false). */
    public record Observation(long time, boolean event) {}

    /**
     * The estimate just after {@code time}.
     *
     * @param standardError SE of S (Greenwood), null where S is 0
     * @param lower lower bound of the log-log 95 % interval, null where S is 0 or 1
     * @param upper upper bound of the log-log 95 % interval, null where S is 0 or 1
     */
    public record Step(
            long time,
            int atRisk,
            int events,
            int censored,
            double survival,
            Double standardError,
            Double lower,
            Double upper) {}

    private KaplanMeier() {}

    /** One step per distinct time with an event or a censoring, in time order. */
    public static List<Step> estimate(List<Observation> observations) {
        TreeMap<Long, int[]> byTime = new TreeMap<>();
        for (Observation o : observations) {
            byTime.computeIfAbsent(o.time(), t -> new int[2])[o.event() ? 0 : 1]++;
        }
        int atRisk = observations.size();
        double survival = 1.0;
        double greenwoodSum = 0.0;
        List<Step> steps = new ArrayList<>();
        for (var entry : byTime.entrySet()) {
            int events = entry.getValue()[0];
            int censored = entry.getValue()[1];
            if (events > 0) {
                survival *= 1.0 - (double) events / atRisk;
                greenwoodSum = atRisk > events
                        ? greenwoodSum + (double) events / ((double) atRisk * (atRisk - events))
                        : Double.POSITIVE_INFINITY;
            }
            steps.add(step(entry.getKey(), atRisk, events, censored, survival, Math.sqrt(greenwoodSum)));
            atRisk -= events + censored;
        }
        return steps;
    }

    private static Step step(long time, int atRisk, int events, int censored, double survival, double sigma) {
        if (survival == 0.0) {
            return new Step(time, atRisk, events, censored, 0.0, null, null, null);
        }
        if (survival == 1.0) {
            return new Step(time, atRisk, events, censored, 1.0, 0.0, null, null);
        }
        double logS = Math.log(survival);
        double logMinusLogS = Math.log(-logS);
        // log(−log S) ± 1.96 σ / |log S|, transformed back; the larger value of log(−log S) is the lower bound of S
        double lower = Math.exp(-Math.exp(logMinusLogS - Z_95 * sigma / logS));
        double upper = Math.exp(-Math.exp(logMinusLogS + Z_95 * sigma / logS));
        return new Step(time, atRisk, events, censored, survival, survival * sigma, lower, upper);
    }

    /** The median time: {@link #quantile(List, double) quantile} 0.5. */
    public static Double median(List<Step> steps) {
        return quantile(steps, 0.5);
    }

    /**
     * The time by which a share {@code p} has had the event, by R's rule ({@code quantile.survfit}): null when the
     * curve never falls to 1 − p.
     */
    public static Double quantile(List<Step> steps, double p) {
        // The cumulative share with the event, F = 1 − S, from (0, 0), keeping the first time of each level.
        List<Long> times = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        times.add(0L);
        shares.add(0.0);
        for (Step step : steps) {
            double share = 1.0 - step.survival();
            if (share != shares.getLast()) {
                times.add(step.time());
                shares.add(share);
            }
        }
        long lastFollowUp = steps.isEmpty() ? 0L : steps.getLast().time();
        double last = shares.getLast();
        if (last < p) {
            return null;
        }
        if (p == 0) {
            return (double) times.getFirst();
        }
        // R's indx1 and indx2: the first level at or above p seen with the tolerance added and subtracted
        Integer reached = firstAtOrAbove(shares, p, TOLERANCE);
        Integer passed = firstAtOrAbove(shares, p, -TOLERANCE);
        if (reached == null) {
            return null;
        }
        if (Math.abs(p - last) < TOLERANCE) {
            // flat at 1 − p until the end of follow-up
            return (times.get(reached) + (double) lastFollowUp) / 2;
        }
        return passed == null ? null : (times.get(reached) + (double) times.get(passed)) / 2;
    }

    /*
     * R's approx(y + shift, 1:n, p, method = "constant", f = 1): the index of the first level y[i] + shift >= p, or
     * null when p lies above every level (R's NA).
     */
    private static Integer firstAtOrAbove(List<Double> shares, double p, double shift) {
        if (p < shares.getFirst() + shift) {
            return null;
        }
        for (int i = 0; i < shares.size(); i++) {
            if (shares.get(i) + shift >= p) {
                return i;
            }
        }
        return null;
    }
}
