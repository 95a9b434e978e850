package org.housingfirst.edge.participant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.housingfirst.domain.BusinessDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Business dates are local dates in the programmes' time zone; tests replace this clock. A business date is plausible
 * from {@code platform.earliest-business-date} (default 1900-01-01) through today.
 */
@AutoConfiguration
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${platform.time-zone:Europe/Stockholm}") ZoneId zone) {
        return Clock.system(zone);
    }

    @Bean
    @ConditionalOnMissingBean
    BusinessDates businessDates(
            Clock clock, @Value("${platform.earliest-business-date:1900-01-01}") LocalDate earliest) {
        return new BusinessDates(clock, earliest);
    }
}
