package org.housingfirst.edge.requests;

import java.beans.PropertyEditorSupport;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query and path parameters are read as strictly as bodies: dates only as {@code YYYY-MM-DD}, months as {@code YYYY-MM},
 * instants as ISO-8601 with a four-digit year ({@code 2026-10-01T12:00:00Z}), enum constants spelled exactly. Anything
 * else is a 400 naming the parameter, never a 500 further down (a year past 9999 did not fit PostgreSQL's timestamps).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(StrictParameters.ExactEnumNames.class)
public class StrictParameters {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern INSTANT = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter STRICT_MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    @Bean
    WebMvcConfigurer strictParameterConversion() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(String.class, LocalDate.class, StrictParameters::date);
                registry.addConverter(String.class, YearMonth.class, StrictParameters::month);
                registry.addConverter(String.class, Instant.class, StrictParameters::instant);
            }
        };
    }

    static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a date as YYYY-MM-DD");
        }
        return LocalDate.parse(text, STRICT_DATE);
    }

    static YearMonth month(String text) {
        if (!MONTH.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a month as YYYY-MM");
        }
        return YearMonth.parse(text, STRICT_MONTH);
    }

    static Instant instant(String text) {
        if (!INSTANT.matcher(text).matches()) {
            throw new IllegalArgumentException("must be an instant as YYYY-MM-DDThh:mm:ssZ");
        }
        Instant instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
            throw new DateTimeException("must be an instant between years 1 and 9999");
        }
        return instant;
    }

    /**
     * Enum parameters by their exact constant name. Spring's binder trims an enum parameter and retries by field name
     * when a converter refuses it, so a strict converter alone would still read {@code " VISIT"}; an editor comes first
     * and lets only a bare constant-shaped name through to the exact lookup.
     */
    @ControllerAdvice
    static class ExactEnumNames {
        private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

        @InitBinder
        void exactEnumNames(WebDataBinder binder) {
            binder.registerCustomEditor(Enum.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    if (!NAME.matcher(text).matches()) {
                        throw new IllegalArgumentException("must be a constant's exact name");
                    }
                    setValue(text);
                }
            });
        }
    }
}
