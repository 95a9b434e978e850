package org.housingfirst.edge.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Every lenient reading a probe of the running services found, refused; the canonical body still reads. */
class StrictJsonTest {

    enum Purpose {
        SERVICE,
        STATISTICS
    }

    record Sample(
            LocalDate on,
            Purpose purpose,
            Integer count,
            int minutes,
            String programmeId,
            Boolean flag,
            Map<String, Integer> answers,
            List<String> tags) {}

    private static final JsonMapper STRICT =
            StrictJson.strict(JsonMapper.builder().build());

    private static final String CANONICAL = """
            {"on":"2025-01-31","purpose":"STATISTICS","count":8,"minutes":30,"programmeId":"hf-malmo",
             "flag":true,"answers":{"Q1":3},"tags":["a"]}""";

    @Test
    void theCanonicalBodyReads() {
        Sample sample = STRICT.readValue(CANONICAL, Sample.class);

        assertThat(sample)
                .isEqualTo(new Sample(
                        LocalDate.of(2025, 1, 31),
                        Purpose.STATISTICS,
                        8,
                        30,
                        "hf-malmo",
                        true,
                        Map.of("Q1", 3),
                        List.of("a")));
    }

    static Stream<Arguments> lenientReadings() {
        return Stream.of(
                Arguments.of("an enum ordinal", "\"purpose\":\"STATISTICS\"", "\"purpose\":0", "purpose"),
                Arguments.of("a padded enum", "\"purpose\":\"STATISTICS\"", "\"purpose\":\" STATISTICS\"", "purpose"),
                Arguments.of(
                        "an enum in lower case", "\"purpose\":\"STATISTICS\"", "\"purpose\":\"statistics\"", "purpose"),
                Arguments.of("a number for text", "\"programmeId\":\"hf-malmo\"", "\"programmeId\":12", "programmeId"),
                Arguments.of(
                        "a boolean for text", "\"programmeId\":\"hf-malmo\"", "\"programmeId\":true", "programmeId"),
                Arguments.of("text for a number", "\"count\":8", "\"count\":\"8\"", "count"),
                Arguments.of("a fraction for an integer", "\"count\":8", "\"count\":8.5", "count"),
                Arguments.of("a fraction for a primitive", "\"minutes\":30", "\"minutes\":30.0", "minutes"),
                Arguments.of("null for a primitive", "\"minutes\":30", "\"minutes\":null", "minutes"),
                Arguments.of("text for a boolean", "\"flag\":true", "\"flag\":\"true\"", "flag"),
                Arguments.of("a number for a boolean", "\"flag\":true", "\"flag\":1", "flag"),
                Arguments.of("a date-time for a date", "\"on\":\"2025-01-31\"", "\"on\":\"2025-01-31T00:00:00\"", "on"),
                Arguments.of("an array for a date", "\"on\":\"2025-01-31\"", "\"on\":[2025,1,31]", "on"),
                Arguments.of("a number for a date", "\"on\":\"2025-01-31\"", "\"on\":20250131", "on"),
                Arguments.of("an impossible date", "\"on\":\"2025-01-31\"", "\"on\":\"2025-02-30\"", "on"),
                Arguments.of("a date without leading zeros", "\"on\":\"2025-01-31\"", "\"on\":\"2025-1-31\"", "on"),
                Arguments.of("a signed year", "\"on\":\"2025-01-31\"", "\"on\":\"+2025-01-31\"", "on"),
                Arguments.of("an empty date", "\"on\":\"2025-01-31\"", "\"on\":\"\"", "on"),
                Arguments.of(
                        "a NUL in text",
                        "\"programmeId\":\"hf-malmo\"",
                        "\"programmeId\":\"hf\\u0000\"",
                        "programmeId"),
                Arguments.of(
                        "a bell in text",
                        "\"programmeId\":\"hf-malmo\"",
                        "\"programmeId\":\"hf\\u0007\"",
                        "programmeId"),
                Arguments.of(
                        "a line break in text",
                        "\"programmeId\":\"hf-malmo\"",
                        "\"programmeId\":\"hf\\nx\"",
                        "programmeId"),
                Arguments.of(
                        "a C1 control in text",
                        "\"programmeId\":\"hf-malmo\"",
                        "\"programmeId\":\"hf\\u0085\"",
                        "programmeId"),
                Arguments.of("a control character in a key", "\"Q1\":3", "\"Q\\u00001\":3", "answers"),
                Arguments.of("a single value for a list", "\"tags\":[\"a\"]", "\"tags\":\"a\"", "tags"),
                Arguments.of("a duplicate key", "\"count\":8", "\"count\":8,\"count\":9", null),
                Arguments.of("an unknown field", "\"count\":8", "\"count\":8,\"unit\":\"x\"", "unit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientReadings")
    void isRefused(String what, String canonical, String lenient, String field) {
        assertThat(CANONICAL).contains(canonical);
        String body = CANONICAL.replace(canonical, lenient);

        assertThatThrownBy(() -> STRICT.readValue(body, Sample.class))
                .isInstanceOf(JacksonException.class)
                .satisfies(e -> {
                    if (field != null) {
                        assertThat(((JacksonException) e).getPath())
                                .extracting(JacksonException.Reference::getPropertyName)
                                .contains(field);
                    }
                });
    }

    @Test
    void anythingAfterTheBodyIsRefused() {
        assertThatThrownBy(() -> STRICT.readValue(CANONICAL + " {}", Sample.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void theLenientDefaultsWouldHaveReadThem() {
        JsonMapper lenient = JsonMapper.builder().build();

        assertThat(lenient.readValue(CANONICAL.replace("\"purpose\":\"STATISTICS\"", "\"purpose\":0"), Sample.class)
                        .purpose())
                .isEqualTo(Purpose.SERVICE);
        assertThat(lenient.readValue(CANONICAL.replace("\"count\":8", "\"count\":8.5"), Sample.class)
                        .count())
                .isEqualTo(8);
        assertThat(lenient.readValue(
                                CANONICAL.replace("\"programmeId\":\"hf-malmo\"", "\"programmeId\":12"), Sample.class)
                        .programmeId())
                .isEqualTo("12");
    }
}
