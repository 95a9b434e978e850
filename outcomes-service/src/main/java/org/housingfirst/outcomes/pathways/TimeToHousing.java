package org.housingfirst.outcomes.pathways;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.housingfirst.outcomes.retention.KaplanMeier;

/**
 * Days from enrolment to first move-in for participants enrolled in a period (domain brief §8.3). Those still waiting
 * on the as-of date are censored there, so the median is the Kaplan–Meier median: the first time at which the share
 * still waiting is 50 % or less; null while more than half are still waiting.
 *
 * @param enrolled participants enrolled in the period
 * @param housed of them, moved in by the as-of date
 * @param waiting of them, not housed on the as-of date (censored)
 * @param medianDays Kaplan–Meier median days to housing, or null
 */
public record TimeToHousing(int enrolled, int housed, int waiting, Long medianDays) {

    public static final String DEFINITION_VERSION = "time-to-housing-v1(kaplan-meier-median,waiting-censored)";

    /** One enrolment: its date and the first move-in after it, or null when none is known by the as-of date. */
    public record Enrolment(LocalDate enrolledOn, LocalDate firstMoveIn) {}

    public static TimeToHousing compute(List<Enrolment> enrolments, LocalDate asOf) {
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        int housed = 0;
        for (Enrolment e : enrolments) {
            boolean moved = e.firstMoveIn() != null && !e.firstMoveIn().isAfter(asOf);
            LocalDate end = moved ? e.firstMoveIn() : asOf;
            observations.add(new KaplanMeier.Observation(ChronoUnit.DAYS.between(e.enrolledOn(), end), moved));
            housed += moved ? 1 : 0;
        }
        Long median = KaplanMeier.estimate(observations).stream()
                .filter(step -> step.survival() <= 0.5)
                .map(KaplanMeier.Step::time)
                .findFirst()
                .orElse(null);
        return new TimeToHousing(enrolments.size(), housed, enrolments.size() - housed, median);
    }
}
