package org.housingfirst.outcomes.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The Kaplan–Meier product-limit estimator with Greenwood's variance. At each time with at least one event, S(t) =
 * S(t−) × (1 − d/n), with n at risk just before t (censored at t count as at risk at t). Var S(t) = S(t)² Σ d / (n (n −
 * d)); the 95 % interval is S ± 1.96 × SE, clipped to [0, 1].
 */
public final class KaplanMeier {

    private static final double Z_95 = 1.959963984540054;

    /** One participant: the time observed and whether it ended in the event (true) or was censored (false). */
    public record Observation(long time, boolean event) {}

    /** The estimate just after {@code time}. */
    public record Step(
            long time,
            int atRisk,
            int events,
            int censored,
            double survival,
            double standardError,
            double lower,
            double upper) {}

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
                if (atRisk > events) {
                    greenwoodSum += (double) events / ((double) atRisk * (atRisk - events));
                }
            }
            double se = survival * Math.sqrt(greenwoodSum);
            steps.add(new Step(
                    entry.getKey(),
                    atRisk,
                    events,
                    censored,
                    survival,
                    se,
                    Math.max(0.0, survival - Z_95 * se),
                    Math.min(1.0, survival + Z_95 * se)));
            atRisk -= events + censored;
        }
        return steps;
    }
}
