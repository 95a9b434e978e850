package org.housingfirst.outcomes.projection;

import java.sql.Timestamp;
import java.time.Instant;
import org.housingfirst.contracts.Municipality;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recorded-time predicate of a query: what was known at an instant ({@code :known}), or everything stored (the
 * current versions) when no instant is given.
 */
record Known(Instant at) {

    /** A versioned table's rows as known: the current version, or the version that held at the instant. */
    String versioned(String alias) {
        return at == null
                ? alias + ".recorded_to = 'infinity'"
                : alias + ".recorded_from < :known AND " + alias + ".recorded_to >= :known";
    }

    /** A fact table's rows as known: every one, or those recorded before the instant. */
    String recorded(String alias) {
        return at == null ? "TRUE" : alias + ".recorded_at < :known";
    }

    /** The rows of a municipality, or of the whole country when its code is null. */
    static String scope(String alias, Municipality m) {
        return alias + ".country = :country"
                + (m.code() == null ? "" : " AND " + alias + ".municipality_code = :municipality");
    }

    /**
     * A query about one municipality, or a whole country when the code is null: binds {@code :country},
     * {@code :municipality} and {@code :known}.
     */
    JdbcClient.StatementSpec query(JdbcClient jdbc, String sql, Municipality m) {
        return jdbc.sql(sql)
                .param("country", m.country())
                .param("municipality", m.code())
                .param("known", at == null ? null : Timestamp.from(at));
    }
}
