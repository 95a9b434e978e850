package org.housingfirst.outcomes.pathways;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.housingfirst.outcomes.retention.KaplanMeier;

/**
 * Days from enrolment to first move-in for participants enrolled in a period (domain brief §8.3). A move-in counts
 * for an enrolment only up to the programme exit that ends it: one who exits without housing is censored at the exit,
 * even when a later enrolment is housed. Those still waiting on the as-of date are censored there, so the median is the Kaplan–Meier median by R's rule (first time the share
 * still waiting falls below 50 %; the middle of a step at exactly 50 %); null while half or more are still waiting.
 *
 * @param enrolled participants enrolled in the period
 * @param housed of them, moved in by the as-of date
 * @param waiting of them, not housed on the as-of date or by their exit (censored)
 * @param medianDays Kaplan–Meier median days to housing (a whole or half day), or null
 */
public record TimeToHousing(int enrolled, int housed, int waiting, Double medianDays) {

    public static final String DEFINITION_VERSION =
            "time-to-housing-v2(kaplan-meier-median-r,waiting-censored,exit-without-housing-censored)";

    /**
     * One enrolment: its date, the first move-in on or after it and not after its exit (null when none is known), and
     * the programme exit that ends it (null while enrolled).
     */
    public record Enrolment(LocalDate enrolledOn, LocalDate firstMoveIn, LocalDate exitedOn) {

        /** The enrolment on {@code on}, given all of the participant's programme exits and move-ins. */
        public static Enrolment of(LocalDate on, List<LocalDate> exits, List<LocalDate> moveIns) {
            LocalDate exit = exits.stream()
                    .filter(d -> !d.isBefore(on))
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            LocalDate moveIn = moveIns.stream()
                    .filter(d -> !d.isBefore(on) && (exit == null || !d.isAfter(exit)))
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            return new Enrolment(on, moveIn, exit);
        }
    }

    public static TimeToHousing compute(List<Enrolment> enrolments, LocalDate asOf) {
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        int housed = 0;
        for (Enrolment e : enrolments) {
            boolean moved = e.firstMoveIn() != null && !e.firstMoveIn().isAfter(asOf);
            LocalDate end = moved
                    ? e.firstMoveIn()
                    : e.exitedOn() != null && e.exitedOn().isBefore(asOf) ? e.exitedOn() : asOf;
            observations.add(new KaplanMeier.Observation(ChronoUnit.DAYS.between(e.enrolledOn(), end), moved));
            housed += moved ? 1 : 0;
        }
        Double median = KaplanMeier.median(KaplanMeier.estimate(observations));
        return new TimeToHousing(enrolments.size(), housed, enrolments.size() - housed, median);
    }
}
