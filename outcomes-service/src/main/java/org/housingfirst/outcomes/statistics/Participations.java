package org.housingfirst.outcomes.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.housingfirst.outcomes.projection.ParticipationProjection;
import org.springframework.stereotype.Component;

/**
 * A country's participations for national tables, as of a business date and as known at an instant: every
 * participation housed by then, leaving out those whose latest decision on consent for national statistics is a
 * withdrawal.
 */
@Component
public class Participations {

    private final ParticipationProjection projection;

    Participations(ParticipationProjection projection) {
        this.projection = projection;
    }

    /** Null {@code knownAt}: everything stored. */
    List<Participation> national(String country, LocalDate asOf, Instant knownAt) {
        return projection.housed(country, null, asOf, knownAt, true).stream()
                .map(Participations::of)
                .toList();
    }

    /** The unit of national tables and breakdowns, from its projection row. */
    public static Participation of(ParticipationProjection.Housed housed) {
        return new Participation(
                housed.municipalityCode(), housed.sex(), housed.birthYear(), housed.programmeId(), housed.spells());
    }
}
