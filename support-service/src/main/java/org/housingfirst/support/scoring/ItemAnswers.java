package org.housingfirst.support.scoring;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads numbered item answers ({@code Q1}…) and refuses unknown items and answers out of range. */
final class ItemAnswers {

    private ItemAnswers() {}

    static Map<Integer, Integer> read(Map<String, Integer> answers, String prefix, int items, int min, int max) {
        if (answers == null) {
            throw new InvalidAnswersException("answers", "are required");
        }
        Pattern code = Pattern.compile(Pattern.quote(prefix) + "([1-9][0-9]?)");
        Map<Integer, Integer> read = new HashMap<>();
        for (Map.Entry<String, Integer> answer : answers.entrySet()) {
            Matcher m = code.matcher(answer.getKey());
            String field = "answers." + answer.getKey();
            if (!m.matches() || Integer.parseInt(m.group(1)) > items) {
                throw new InvalidAnswersException(
                        field, "is not an item of this instrument (" + prefix + "1 to " + prefix + items + ")");
            }
            Integer value = answer.getValue();
            if (value == null) {
                continue;
            }
            if (value < min || value > max) {
                throw new InvalidAnswersException(field, "must be from " + min + " to " + max);
            }
            read.put(Integer.parseInt(m.group(1)), value);
        }
        return read;
    }
}
