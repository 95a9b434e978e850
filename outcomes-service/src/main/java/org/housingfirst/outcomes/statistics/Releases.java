package org.housingfirst.outcomes.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * When a figure for a reference date is first released: the release lag after the end of that day, in the platform's
 * time zone. Figures known before it are provisional; later ones that differ from it are revised.
 */
@Component
public class Releases {

    /** Where a figure stands against its first release. */
    public enum Revision {
        PROVISIONAL,
        AS_RELEASED,
        REVISED
    }

    private final StatisticsProperties properties;
    private final Clock clock;

    Releases(StatisticsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public Instant firstRelease(LocalDate referenceDate) {
        return referenceDate
                .plusDays(1)
                .plus(properties.releaseLag())
                .atStartOfDay(clock.getZone())
                .toInstant();
    }
}
