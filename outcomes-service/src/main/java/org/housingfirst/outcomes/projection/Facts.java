package org.housingfirst.outcomes.projection;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/** Facts: rows that never change, one per event, keyed by its id; a row met again is kept once. */
final class Facts {

    private Facts() {}

    static <E> void insert(
            JdbcTemplate jdbc, String table, List<String> columns, List<E> events, Function<E, Object[]> row) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?"))
                        + ") ON CONFLICT (event_id) DO NOTHING",
                events.stream().map(row).toList());
    }
}
