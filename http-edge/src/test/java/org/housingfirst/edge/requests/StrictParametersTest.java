package org.housingfirst.edge.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.format.DateTimeFormatters;
import org.springframework.boot.autoconfigure.web.format.WebConversionService;
import org.springframework.core.convert.ConversionFailedException;

/**
 * The conversions a service's MVC layer uses for query and path parameters, as Boot builds them plus ours. Enum
 * parameters go through the binder, so {@code EdgeHttpTest} shows them.
 */
class StrictParametersTest {

    private final WebConversionService conversions = conversions();

    private static WebConversionService conversions() {
        WebConversionService service = new WebConversionService(new DateTimeFormatters());
        new StrictParameters().strictParameterConversion().addFormatters(service);
        return service;
    }

    @Test
    void exactValuesConvert() {
        assertThat(conversions.convert("2026-02-28", LocalDate.class)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(conversions.convert("2026-02", YearMonth.class)).isEqualTo(YearMonth.of(2026, 2));
        assertThat(conversions.convert("2026-10-01T12:00:00Z", Instant.class))
                .isEqualTo(Instant.parse("2026-10-01T12:00:00Z"));
        assertThat(conversions.convert("2026-10-01T14:00+02:00", Instant.class))
                .isEqualTo(Instant.parse("2026-10-01T12:00:00Z"));
    }

    @Test
    void anythingElseFails() {
        for (String date :
                new String[] {"2026-2-28", "2026-02-29", "+10000-01-01", "-0001-01-01", "20260228", " 2026-02-28"}) {
            assertThatThrownBy(() -> conversions.convert(date, LocalDate.class))
                    .as(date)
                    .isInstanceOf(ConversionFailedException.class);
        }
        for (String month : new String[] {"2026-2", "2026-13", "+10000-01"}) {
            assertThatThrownBy(() -> conversions.convert(month, YearMonth.class))
                    .as(month)
                    .isInstanceOf(ConversionFailedException.class);
        }
        for (String instant : new String[] {
            "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59-01:00", "2026-10-01", "2026-10-01T12:00:00", "1760000000"
        }) {
            assertThatThrownBy(() -> conversions.convert(instant, Instant.class))
                    .as(instant)
                    .isInstanceOf(ConversionFailedException.class);
        }
    }
}
