package org.housingfirst.outcomes.retention;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kaplan–Meier retention (domain brief §2.2): time in days from a participant's first move-in to the first housing
 * loss that is not followed by rehousing within the gap. Censored at the as-of date while housed, at a positive exit
 * (other permanent housing: {@link TenancySpell.Ending#POSITIVE}), at death or long-term care (treated as censoring, not as a loss), at an unknown outcome
 * (lost to follow-up), and at the end of a tenancy whose gap is still open and not yet longer than the rehousing gap.
 */
public final class RetentionCurve {

    private RetentionCurve() {}

    public static List<KaplanMeier.Step> estimate(List<List<TenancySpell>> participants, LocalDate asOf, int gapDays) {
        return KaplanMeier.estimate(observations(participants, asOf, gapDays));
    }

    static List<KaplanMeier.Observation> observations(
            List<List<TenancySpell>> participants, LocalDate asOf, int gapDays) {
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        for (List<TenancySpell> spells : participants) {
            List<TenancySpell> ordered = spells.stream()
                    .filter(s -> !s.moveIn().isAfter(asOf))
                    .sorted(Comparator.comparing(TenancySpell::moveIn))
                    .toList();
            if (!ordered.isEmpty()) {
                observations.add(observe(ordered, asOf, gapDays));
            }
        }
        return observations;
    }

    private static KaplanMeier.Observation observe(List<TenancySpell> ordered, LocalDate asOf, int gapDays) {
        LocalDate start = ordered.getFirst().moveIn();
        // follow the housing chain: a tenancy begun before the current one ended, or within the gap after it, continues
        // it; of overlapping tenancies the one that ends last is current
        TenancySpell current = ordered.getFirst();
        for (TenancySpell next : ordered.subList(1, ordered.size())) {
            if (current.end() == null || next.moveIn().isAfter(current.end().plusDays(gapDays))) {
                break;
            }
            if (TenancySpell.BY_END.compare(next, current) > 0) {
                current = next;
            }
        }
        if (current.end() == null || current.end().isAfter(asOf)) {
            return new KaplanMeier.Observation(days(start, asOf), false);
        }
        long time = days(start, current.end());
        boolean gapStillOpen = current.end().plusDays(gapDays).isAfter(asOf);
        boolean loss = !gapStillOpen && current.ending() == TenancySpell.Ending.NEGATIVE;
        return new KaplanMeier.Observation(time, loss);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
