package org.housingfirst.edge.problems;

import java.io.IOException;

/**
 * A request body turned out larger than the limit while it was read. Whoever meets it, the size filter or a message
 * converter, answers 413.
 */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The body must not exceed " + limit + " bytes", null);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
