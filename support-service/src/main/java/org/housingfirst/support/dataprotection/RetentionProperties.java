package org.housingfirst.support.dataprotection;

import java.time.Period;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each municipality keeps a participant's data after their exit: {@code
 * platform.retention.after-exit.SE-1280=P5Y}, and {@code platform.retention.after-exit.default} for every municipality
 * without its own. A municipality with neither keeps its data until someone erases it.
 */
@ConfigurationProperties("platform.retention")
record RetentionProperties(Map<String, Period> afterExit) {

    private static final String DEFAULT = "DEFAULT";

    RetentionProperties {
        Map<String, Period> normalised = new java.util.HashMap<>();
        (afterExit == null ? Map.<String, Period>of() : afterExit).forEach((key, period) -> {
            // keys bind in whichever case the source wrote them (se-1280 from a properties file, SE-1280 in YAML)
            String municipality = key.toUpperCase(java.util.Locale.ROOT);
            if (!municipality.equals(DEFAULT) && !municipality.matches("(SE|NO)-\\d{4}")) {
                throw new IllegalArgumentException("platform.retention.after-exit." + key
                        + ": a municipality is named SE-1280 or NO-0301 (or default)");
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(
                        "platform.retention.after-exit." + key + ": " + period + " is not a period to keep data for");
            }
            normalised.put(municipality, period);
        });
        afterExit = Map.copyOf(normalised);
    }

    /** The municipality's retention period after exit, if it has one. */
    Optional<Period> of(String country, String code) {
        return Optional.ofNullable(afterExit.get(country + "-" + code))
                .or(() -> Optional.ofNullable(afterExit.get("default")));
    }
}
