package org.housingfirst.support.scoring;

/** Answers that cannot be scored. {@link #field()} names the item at fault, e.g. {@code answers.Q7}. */
public final class InvalidAnswersException extends RuntimeException {

    private final String field;

    InvalidAnswersException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
