package org.housingfirst.outcomes.statistics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.housingfirst.outcomes.contracts.FirstHandLeases;
import org.housingfirst.outcomes.engagement.MonthlyEngagement;
import org.housingfirst.outcomes.figures.FigureCache;

/**
 * What the national measures of leases and support need beside a person's housing history, for one quarter of one
 * country, by person (pseudonym): their tenancies with contracts and conversions dated by the quarter's last day, their
 * support episodes started by then, and who had a completed (not missed) contact in the quarter. A person's facts in
 * every municipality of the country are theirs, as their housing history is ({@link Participations}).
 */
record Circumstances(
        Quarter period,
        Map<String, List<FirstHandLeases.Tenancy>> leases,
        Map<String, List<MonthlyEngagement.Episode>> episodes,
        Set<String> contacted)
        implements FigureCache.Weighed {

    @Override
    public int weight() {
        return 1 + leases.size() + episodes.size() + contacted.size();
    }

    List<FirstHandLeases.Tenancy> leasesOf(String person) {
        return leases.getOrDefault(person, List.of());
    }

    /** Whether the person had a support episode open on some day of the quarter. */
    boolean supportedInQuarter(String person) {
        return episodes.getOrDefault(person, List.of()).stream()
                .anyMatch(e -> !e.start().isAfter(period.lastDay())
                        && (e.end() == null || !e.end().isBefore(period.firstDay())));
    }
}
