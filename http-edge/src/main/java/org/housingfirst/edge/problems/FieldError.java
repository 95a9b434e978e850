package org.housingfirst.edge.problems;

import java.util.regex.Pattern;

/**
 * One field at fault: its JSON path in the request ({@code participant.value}) and what is wrong with it. A path is
 * built from the client's own keys, which could hold anything: a segment that is not a plain name (letters, digits and
 * underscores, at most six digits, at most 64 characters) is replaced by {@code *}, so no error ever echoes an identity
 * number or a control character.
 */
public record FieldError(String field, String message) {

    private static final Pattern SEGMENT = Pattern.compile("(?!(?:[^0-9]*[0-9]){7})[A-Za-z0-9_-]{1,64}");
    private static final Pattern SEPARATORS = Pattern.compile("(?<=[.\\[\\]])|(?=[.\\[\\]])");

    public FieldError {
        field = safe(field);
    }

    /** The path with each segment that is not a plain name replaced by {@code *}. */
    public static String safe(String field) {
        if (field == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder();
        for (String part : SEPARATORS.split(field, -1)) {
            boolean separator = part.length() == 1 && ".[]".contains(part);
            safe.append(separator || part.isEmpty() || SEGMENT.matcher(part).matches() ? part : "*");
        }
        return safe.toString();
    }
}
