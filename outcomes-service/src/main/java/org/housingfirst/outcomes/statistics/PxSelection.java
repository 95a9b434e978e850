package org.housingfirst.outcomes.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.housingfirst.domain.RuleViolation;

/**
 * A PxWebApi 2.0 selection: per variable, value codes or selection expressions, and the code list they are read in. It
 * comes from a POST body or from {@code valuecodes[variable]} and {@code codelist[variable]} query parameters, and is
 * resolved against a table's {@link PxVariable}s as PxTools/PxWebApi resolves it:
 *
 * <ul>
 *   <li>variable and value codes match regardless of case, and {@code time} names the time variable;
 *   <li>{@code *} is every value, {@code 12*}, {@code *80} and {@code *28*} match codes by prefix, suffix or content, and
 *       {@code ?} in a code is any one character;
 *   <li>{@code top(n)} and {@code top(n,offset)} are the first n values, the newest for the time variable;
 *       {@code bottom(n[,offset])} the last, the oldest for time; {@code from(c)}, {@code to(c)} and
 *       {@code range(c1,c2)} run in the variable's order, ends included;
 *   <li>a variable that cannot be eliminated must be selected; one that can and is not takes its elimination value;
 *   <li>anything unknown or malformed is a 400 naming the parameter, never echoing what was sent (it could hold an
 *       identity number).
 * </ul>
 */
final class PxSelection {

    /** One variable's selection as a client sends it. */
    record Variable(String variableCode, String codeList, List<String> valueCodes) {}

    private static final Pattern PARAMETER = Pattern.compile("(valuecodes|codelist|outputvalues)\\[(.*)]");
    private static final Pattern COUNT = Pattern.compile("(top|bottom)\\(([1-9][0-9]{0,5})(?:,([0-9]{1,6}))?\\)");
    private static final Pattern BOUND = Pattern.compile("(from|to)\\(([^(),]+)\\)");
    private static final Pattern RANGE = Pattern.compile("range\\(([^(),]+),([^(),]+)\\)");

    private final List<Variable> variables;

    private PxSelection(List<Variable> variables) {
        this.variables = variables;
    }

    static PxSelection of(List<Variable> variables) {
        return new PxSelection(List.copyOf(variables));
    }

    /**
     * The selection in a GET's query: {@code valuecodes[v]=a,b}, {@code codelist[v]=id}; {@code outputValues[v]} is
     * accepted for the clients that send it and changes nothing, as no code list here aggregates.
     */
    static PxSelection fromQuery(Map<String, String> parameters) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        Map<String, String> codeLists = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            Matcher m = PARAMETER.matcher(name.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                return;
            }
            String variable = name.substring(name.indexOf('[') + 1, name.length() - 1);
            switch (m.group(1)) {
                case "valuecodes" -> codes.put(variable, split(name, value));
                case "codelist" -> codeLists.put(variable, value.trim());
                default -> {
                    if (!value.equals("aggregated") && !value.equals("single")) {
                        throw RuleViolation.malformed(name, "must be aggregated or single");
                    }
                }
            }
        });
        Set<String> named = new LinkedHashSet<>(codes.keySet());
        named.addAll(codeLists.keySet());
        List<Variable> variables = new ArrayList<>();
        for (String variable : named) {
            variables.add(new Variable(variable, codeLists.get(variable), codes.getOrDefault(variable, List.of())));
        }
        return new PxSelection(variables);
    }

    /** The value codes and expressions given for a variable (any case; "time" for period), as sent. */
    List<String> codes(String variable) {
        return variables.stream()
                .filter(v -> v.variableCode().equalsIgnoreCase(variable)
                        || (variable.equals("period") && v.variableCode().equalsIgnoreCase("time")))
                .flatMap(v -> v.valueCodes().stream())
                .toList();
    }

    /** The code list given for a variable (any case), or null. */
    String codeList(String variable) {
        return variables.stream()
                .filter(v -> v.variableCode().equalsIgnoreCase(variable))
                .map(Variable::codeList)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    boolean isEmpty() {
        return variables.isEmpty();
    }

    /**
     * The selected value codes of every variable, in the table's variable order and, within a variable, in the order
     * of its values.
     */
    Map<String, List<String>> resolve(List<PxVariable> table) {
        Map<String, Variable> byCode = new LinkedHashMap<>();
        for (Variable selected : variables) {
            PxVariable variable = find(table, selected.variableCode());
            if (byCode.put(variable.code(), selected) != null) {
                throw RuleViolation.malformed(
                        "valuecodes[" + selected.variableCode() + "]", "the variable is selected twice");
            }
        }
        Map<String, List<String>> resolved = new LinkedHashMap<>();
        for (PxVariable variable : table) {
            Variable selected = byCode.get(variable.code());
            String field = "valuecodes[" + variable.code() + "]";
            List<String> values = variable.values();
            if (selected != null
                    && selected.codeList() != null
                    && !selected.codeList().isBlank()) {
                values = variable.codeList(selected.codeList())
                        .orElseThrow(() -> RuleViolation.malformed(
                                "codelist[" + variable.code() + "]", "no such code list for this variable"));
            }
            if (selected == null || selected.valueCodes().isEmpty()) {
                if (!variable.elimination()) {
                    throw RuleViolation.malformed(
                            field, "the variable cannot be eliminated: select at least one value");
                }
                resolved.put(variable.code(), List.of(variable.eliminationValueCode()));
                continue;
            }
            Set<String> chosen = new LinkedHashSet<>();
            for (String expression : selected.valueCodes()) {
                List<String> matched = expand(expression.trim(), values, variable.time(), field);
                if (matched.isEmpty()) {
                    throw RuleViolation.malformed(field, "a value code or expression matches no value");
                }
                chosen.addAll(matched);
            }
            List<String> ordered = values.stream().filter(chosen::contains).toList();
            resolved.put(variable.code(), ordered);
        }
        return resolved;
    }

    private static PxVariable find(List<PxVariable> table, String code) {
        String wanted = code.equalsIgnoreCase("time")
                ? table.stream()
                        .filter(PxVariable::time)
                        .findFirst()
                        .map(PxVariable::code)
                        .orElse(code)
                : code;
        return table.stream()
                .filter(v -> v.code().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> RuleViolation.malformed(
                        "valuecodes[" + code + "]",
                        "no such variable; the variables are "
                                + table.stream().map(PxVariable::code).toList()));
    }

    /** The values an expression selects, in the variable's order. */
    static List<String> expand(String expression, List<String> values, boolean time, String field) {
        String lower = expression.toLowerCase(Locale.ROOT);
        Matcher count = COUNT.matcher(lower);
        if (count.matches()) {
            int n = Integer.parseInt(count.group(2));
            int offset = count.group(3) == null ? 0 : Integer.parseInt(count.group(3));
            // top is the newest for time, whose values run oldest first; bottom the oldest
            boolean fromEnd = count.group(1).equals("top") == time;
            int size = values.size();
            int from = fromEnd ? Math.max(0, size - offset - n) : Math.min(size, offset);
            int to = fromEnd ? Math.max(0, size - offset) : Math.min(size, offset + n);
            return values.subList(from, to);
        }
        if (lower.startsWith("top(") || lower.startsWith("bottom(")) {
            throw RuleViolation.malformed(field, "top and bottom take the form top(n) or top(n,offset)");
        }
        Matcher bound = BOUND.matcher(expression);
        if (bound.matches() && (lower.startsWith("from(") || lower.startsWith("to("))) {
            int at = index(values, bound.group(2).trim(), field);
            return lower.startsWith("from(") ? values.subList(at, values.size()) : values.subList(0, at + 1);
        }
        Matcher range = RANGE.matcher(lower.startsWith("range(") ? "range" + expression.substring(5) : expression);
        if (range.matches()) {
            int from = index(values, range.group(1).trim(), field);
            int to = index(values, range.group(2).trim(), field);
            return from <= to ? values.subList(from, to + 1) : List.of();
        }
        if (lower.startsWith("from(") || lower.startsWith("to(") || lower.startsWith("range(")) {
            throw RuleViolation.malformed(
                    field, "from, to and range take the form from(code), to(code) and range(code,code)");
        }
        if (expression.contains("*")) {
            return wildcard(expression, values, field);
        }
        if (expression.contains("?")) {
            Pattern pattern =
                    Pattern.compile(Pattern.quote(expression).replace("?", "\\E.\\Q"), Pattern.CASE_INSENSITIVE);
            return values.stream().filter(v -> pattern.matcher(v).matches()).toList();
        }
        return values.stream().filter(v -> v.equalsIgnoreCase(expression)).toList();
    }

    private static List<String> wildcard(String expression, List<String> values, String field) {
        if (expression.equals("*")) {
            return values;
        }
        long stars = expression.chars().filter(c -> c == '*').count();
        boolean leading = expression.startsWith("*");
        boolean trailing = expression.endsWith("*");
        if (stars > 2 || (stars == 1 && !leading && !trailing) || (stars == 2 && !(leading && trailing))) {
            throw RuleViolation.malformed(field, "* may stand only at the start or the end of a code");
        }
        String core = expression.replace("*", "").toLowerCase(Locale.ROOT);
        return values.stream()
                .filter(v -> {
                    String value = v.toLowerCase(Locale.ROOT);
                    if (leading && trailing) {
                        return value.contains(core);
                    }
                    return leading ? value.endsWith(core) : value.startsWith(core);
                })
                .toList();
    }

    private static int index(List<String> values, String code, String field) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equalsIgnoreCase(code)) {
                return i;
            }
        }
        throw RuleViolation.malformed(field, "a code in an expression is not a value of the variable");
    }

    private static List<String> split(String name, String value) {
        List<String> codes = new ArrayList<>();
        // commas inside range(a,b) and top(n,o) belong to the expression
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            if (c == ',' && depth == 0) {
                codes.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        codes.add(current.toString().trim());
        List<String> result =
                codes.stream().filter(s -> !s.isEmpty()).distinct().toList();
        if (result.isEmpty()) {
            throw RuleViolation.malformed(name, "must name at least one value code or expression");
        }
        return result;
    }
}
