package org.housingfirst.tenancy.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Business dates are local dates in the programmes' time zone; tests replace this clock. */
@Configuration
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${platform.time-zone:Europe/Stockholm}") ZoneId zone) {
        return Clock.system(zone);
    }
}
