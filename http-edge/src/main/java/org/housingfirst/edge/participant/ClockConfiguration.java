package org.housingfirst.edge.participant;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Business dates are local dates in the programmes' time zone; tests replace this clock. */
@AutoConfiguration
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${platform.time-zone:Europe/Stockholm}") ZoneId zone) {
        return Clock.system(zone);
    }
}
