package org.housingfirst.outcomes.statistics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.domain.RuleViolation;

/**
 * The words of the national tables in one language: table titles, variable and value labels, units and notes, in
 * English, Swedish and Norwegian Bokmål ({@code statistics/texts_*.properties}), with the field's own names for the
 * measures (kvarboende, bostad först, oppfølging). Codes never change with the language.
 */
final class StatisticsTexts {

    /** The languages offered, as PxWebApi's {@code lang} names them, with each language's own name for itself. */
    static final Map<String, String> LANGUAGES = languages("en", "English", "sv", "Svenska", "nb", "Norsk bokmål");

    /** The languages' codes in the order offered: English, Swedish, Norwegian. */
    static final List<String> LANGUAGE_ORDER = List.copyOf(LANGUAGES.keySet());

    static final StatisticsTexts ENGLISH = new StatisticsTexts("en");

    /** Code, name, code, name... in order. */
    private static Map<String, String> languages(String... codesAndNames) {
        Map<String, String> languages = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            languages.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(languages);
    }

    private final String language;
    private final ResourceBundle bundle;

    private StatisticsTexts(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(
                "statistics.texts",
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts of a language PxWebApi's {@code lang} names; a 400 naming {@code lang} for one not offered. */
    static StatisticsTexts of(String language) {
        if (language == null || language.equals("en")) {
            return ENGLISH;
        }
        // "no" is how SSB's API names Norwegian; the texts are Bokmål
        String code = language.equals("no") ? "nb" : language;
        if (!LANGUAGES.containsKey(code)) {
            throw RuleViolation.malformed("lang", "must be one of " + LANGUAGE_ORDER);
        }
        return new StatisticsTexts(code);
    }

    String language() {
        return language;
    }

    /** The text of a key, with {0}, {1}... replaced by the arguments in order. */
    String get(String key, Object... arguments) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("statistics/texts_" + language + " lacks " + key, e);
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    String measure(NationalMeasure measure) {
        return get("measure." + measure.code());
    }

    String country(CodeList list) {
        return get("country." + list.country());
    }

    /** A table's title: its measure and country. */
    String title(NationalTables.Definition definition) {
        return measure(definition.measure()) + ", " + country(definition.codeList());
    }

    /** A region's label: the country in this language, counties and municipalities by their official names. */
    String region(CodeList list, String code) {
        return code.equals(list.country()) ? country(list) : list.regionLabels().get(code);
    }

    /** A quarter's label, such as 2026 Q3, 2026 K3. */
    String period(String code) {
        return code.substring(0, 4) + " " + get("quarter.short") + code.substring(5);
    }

    /** A content's label: a count or rate, or a mean or interval bound of a value ({@code mean:percent}). */
    String content(String code) {
        int colon = code.indexOf(':');
        if (colon > 0) {
            return get("content." + code.substring(0, colon), get("value." + code.substring(colon + 1)));
        }
        return get("content." + code);
    }

    String unit(String content) {
        if (content.equals("rate") || content.endsWith(":percent")) {
            return get("unit.percent");
        }
        if (content.contains(":")) {
            return get("unit.value." + content.substring(content.indexOf(':') + 1));
        }
        return get(content.equals("programmes") ? "unit.programmes" : "unit.persons");
    }

    /** A breakdown category's label: total, sex, age band, move-in cohort or situation at entry. */
    String breakdown(String code) {
        if (code.equals(Breakdowns.TOTAL)) {
            return get("breakdown.TOTAL");
        }
        String group = code.substring(0, code.indexOf(':'));
        String value = code.substring(code.indexOf(':') + 1);
        return switch (group) {
            case "SEX" -> get("breakdown.SEX." + value);
            case "SITUATION" -> get("breakdown.SITUATION." + value);
            case "ASSESSOR" -> get("breakdown.ASSESSOR." + value);
            case "AGE" -> {
                if (value.equals("UNKNOWN")) {
                    yield get("breakdown.AGE.UNKNOWN");
                }
                if (value.startsWith("-")) {
                    yield get("breakdown.AGE.upTo", value.substring(1));
                }
                if (value.endsWith("-")) {
                    yield get("breakdown.AGE.andOver", value.substring(0, value.length() - 1));
                }
                yield get("breakdown.AGE.band", value);
            }
            default -> get("breakdown.COHORT", value.length() == 4 ? value : period(value));
        };
    }
}
