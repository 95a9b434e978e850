package org.housingfirst.outcomes.retention;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.housingfirst.contracts.tenancy.EndReason;

/**
 * Evictions per tenancy-year in a period (`eviction-rate-v1`, domain brief §8.3): tenancies ended with an EVICTION_*
 * reason dated in the period, divided by the tenancy time at risk in the period, in years of 365.25 days. A tenancy is
 * at risk from its move-in date up to, not including, its end date; the period includes both of its dates.
 *
 * @param evictions evictions dated in the period
 * @param tenancyDays days at risk in the period, summed over tenancies
 * @param perTenancyYear evictions / (tenancyDays / 365.25), null when no tenancy was at risk
 */
public record EvictionRate(int evictions, long tenancyDays, Double perTenancyYear) {

    public static final String DEFINITION_VERSION = "eviction-rate-v1";
    private static final double DAYS_PER_YEAR = 365.25;

    public static EvictionRate compute(List<TenancySpell> tenancies, LocalDate from, LocalDate to) {
        LocalDate periodEnd = to.plusDays(1);
        int evictions = 0;
        long days = 0;
        for (TenancySpell tenancy : tenancies) {
            LocalDate start = tenancy.moveIn().isAfter(from) ? tenancy.moveIn() : from;
            LocalDate end = tenancy.end() == null || tenancy.end().isAfter(periodEnd) ? periodEnd : tenancy.end();
            if (end.isAfter(start)) {
                days += ChronoUnit.DAYS.between(start, end);
            }
            if (tenancy.end() != null
                    && isEviction(tenancy.endReason())
                    && !tenancy.end().isBefore(from)
                    && !tenancy.end().isAfter(to)) {
                evictions++;
            }
        }
        return new EvictionRate(evictions, days, days == 0 ? null : evictions / (days / DAYS_PER_YEAR));
    }

    private static boolean isEviction(EndReason reason) {
        return reason == EndReason.EVICTION_RENT_ARREARS
                || reason == EndReason.EVICTION_DISTURBANCE
                || reason == EndReason.EVICTION_OTHER;
    }
}
