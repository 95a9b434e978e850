package org.housingfirst.outcomes.figures;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a figure for a reference date is first released: the release lag after the end of that day, in the platform's
 * time zone. Figures known before it are provisional; later ones that differ from it are revised.
 */
@Component
public class Releases {

    private final Period lag;
    private final Clock clock;

    Releases(@Value("${platform.statistics.release-lag:P14D}") Period lag, Clock clock) {
        this.lag = lag;
        this.clock = clock;
    }

    public Instant firstRelease(LocalDate referenceDate) {
        return referenceDate.plusDays(1).plus(lag).atStartOfDay(clock.getZone()).toInstant();
    }
}
