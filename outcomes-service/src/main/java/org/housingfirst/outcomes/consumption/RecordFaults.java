package org.housingfirst.outcomes.consumption;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/**
 * Tells a failure caused by one record's content from one of the infrastructure. PostgreSQL's SQLSTATE classes 22 (data
 * exception: a date out of range, a character it cannot store), 23 (integrity constraint) and 54 (a program limit
 * such as an index row too large) come from the data; an exception thrown by projecting code comes from the event it
 * projects. Everything else (no connection, the server shutting down, a lock, a serialisation failure, a grammar error)
 * says nothing about the record: the batch must be retried, not set aside.
 */
final class RecordFaults {

    private RecordFaults() {}

    static boolean causedByRecord(Throwable failure) {
        SQLException sql = sqlException(failure);
        if (sql != null) {
            String state = sql.getSQLState();
            return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
        }
        return !(failure instanceof DataAccessException);
    }

    /** What a set-aside record says of the failure: the SQLSTATE and its class, never the server's message. */
    static String reason(Throwable failure) {
        SQLException sql = sqlException(failure);
        if (sql == null) {
            return "projection failed: " + failure.getClass().getSimpleName();
        }
        String state = sql.getSQLState();
        String kind = state.startsWith("22")
                ? "data exception"
                : state.startsWith("23") ? "integrity constraint violation" : "program limit exceeded";
        return "the database refused it: SQLSTATE " + state + " (" + kind + ")";
    }

    private static SQLException sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
