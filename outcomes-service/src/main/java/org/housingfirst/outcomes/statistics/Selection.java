package org.housingfirst.outcomes.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.housingfirst.domain.RuleViolation;

/**
 * The PxWebApi {@code valuecodes[dimension]=code,code|*} selection of a data request. A dimension not named takes its
 * default; an unknown dimension or code is refused naming the parameter.
 */
final class Selection {

    static final List<String> DIMENSIONS = List.of("region", "breakdown", "period", "contents");
    private static final Pattern PARAMETER = Pattern.compile("valuecodes\\[(.*)]");

    private final Map<String, List<String>> codes;

    private Selection(Map<String, List<String>> codes) {
        this.codes = codes;
    }

    static Selection parse(Map<String, String> parameters) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            Matcher m = PARAMETER.matcher(name);
            if (!m.matches()) {
                return;
            }
            if (!DIMENSIONS.contains(m.group(1))) {
                throw RuleViolation.invalid(name, "unknown variable; variables are " + DIMENSIONS);
            }
            List<String> values = Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .distinct()
                    .toList();
            if (values.isEmpty()) {
                throw RuleViolation.invalid(name, "must name at least one value code or *");
            }
            codes.put(m.group(1), values);
        });
        return new Selection(codes);
    }

    /** The selected codes of a dimension in the order given, all when {@code *}, the default when not selected. */
    List<String> of(String dimension, List<String> all, List<String> defaults) {
        List<String> selected = codes.get(dimension);
        if (selected == null) {
            return defaults;
        }
        if (selected.equals(List.of("*"))) {
            return all;
        }
        Set<String> known = Set.copyOf(all);
        List<String> result = new ArrayList<>();
        for (String code : selected) {
            if (!known.contains(code)) {
                throw RuleViolation.invalid("valuecodes[" + dimension + "]", "unknown value code");
            }
            result.add(code);
        }
        return result;
    }
}
