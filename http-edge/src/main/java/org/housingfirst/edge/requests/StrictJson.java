package org.housingfirst.edge.requests;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a value means exactly what the client wrote, or the request is refused with a
 * problem naming the field. No coercion between JSON types (no {@code "8"} for 8, no 8 for {@code "8"}, no 8.5 for 8,
 * no {@code 0} for the first constant of an enum), enum constants spelled exactly, dates only as {@code YYYY-MM-DD},
 * no duplicate keys, nothing after the body, and no control character in any text or key. Only the HTTP message
 * converter reads this way; the service's own mapper (event store, Kafka) is unchanged.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StrictJson {

    /** C0 and C1 control characters and DEL; a request's text has no use for them, and PostgreSQL refuses NUL. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F]");

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /**
     * Puts the strict converter where the JSON converter is, whichever customizer chose that one: added as a custom
     * converter instead, it would come before the String and byte[] converters and write springdoc's documents as
     * quoted strings.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer strictJsonRequests(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(strict(jsonMapper));
        return builder -> builder.configureMessageConvertersList(converters -> converters.replaceAll(
                converter -> converter instanceof JacksonJsonHttpMessageConverter ? strict : converter));
    }

    /** The service's mapper, reading strictly. */
    public static JsonMapper strict(JsonMapper base) {
        SimpleModule module = new SimpleModule("strict-requests");
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(LocalDate.class, new Date());
        module.addKeyDeserializer(String.class, new Key());
        module.setDeserializerModifier(new ExactEnums());
        return base.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfigDefaults(
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(module)
                .build();
    }

    /** A text value: a JSON string only, without control characters. */
    private static final class Text extends StdDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getString();
            if (CONTROL.matcher(text).find()) {
                return (String) ctxt.handleWeirdStringValue(String.class, text, "contains a control character");
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** A map key, e.g. an assessment's item code: no control characters either. */
    private static final class Key extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            if (CONTROL.matcher(key).find()) {
                return ctxt.handleWeirdKey(String.class, key, "contains a control character");
            }
            return key;
        }
    }

    /** A calendar date as {@code YYYY-MM-DD} and nothing else: no date-time, no array, no number. */
    private static final class Date extends StdDeserializer<LocalDate> {
        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString();
            if (DATE_SHAPE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text, DATE);
                } catch (DateTimeParseException e) {
                    // an impossible date such as 2025-02-30: refused below
                }
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date as YYYY-MM-DD");
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** Enum constants as a JSON string spelled exactly: Jackson's own reader would also accept one padded by spaces. */
    private static final class ExactEnums extends ValueDeserializerModifier {
        @Override
        public ValueDeserializer<?> modifyEnumDeserializer(
                DeserializationConfig config,
                JavaType type,
                BeanDescription.Supplier beanDescRef,
                ValueDeserializer<?> deserializer) {
            Set<String> names = Arrays.stream(type.getRawClass().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toUnmodifiableSet());
            return new ExactEnum(type.getRawClass(), names, deserializer);
        }
    }

    private static final class ExactEnum extends StdDeserializer<Object> {
        private final Set<String> names;
        private final ValueDeserializer<?> delegate;

        ExactEnum(Class<?> type, Set<String> names, ValueDeserializer<?> delegate) {
            super(type);
            this.names = names;
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            if (!names.contains(p.getString())) {
                return ctxt.handleWeirdStringValue(handledType(), p.getString(), "not one of the constants");
            }
            return delegate.deserialize(p, ctxt);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Enum;
        }
    }
}
