package org.housingfirst.outcomes.consumption;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versions of the event-log projection: {@code event_log_v<n>} with its positions in {@code consumer_offset_v<n>}.
 * Exactly one is active, and the view {@code event_log} shows it.
 */
@Component
public class ProjectionVersions {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProjectionVersions(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public int active() {
        return jdbc.sql("SELECT version FROM projection_version WHERE state = 'ACTIVE'")
                .query(Integer.class)
                .single();
    }

    /** Creates empty tables for the next version, marked BUILDING; an unfinished earlier build is abandoned. */
    int createNext() {
        return transactions.execute(tx -> {
            jdbc.sql("UPDATE projection_version SET state = 'ABANDONED' WHERE state = 'BUILDING'")
                    .update();
            int next = jdbc.sql("SELECT max(version) + 1 FROM projection_version")
                    .query(Integer.class)
                    .single();
            jdbc.sql("DROP TABLE IF EXISTS " + EventLog.events(next) + ", " + EventLog.positions(next))
                    .update();
            jdbc.sql("CREATE TABLE " + EventLog.events(next) + " (LIKE event_log_v1 INCLUDING ALL)")
                    .update();
            jdbc.sql("CREATE TABLE " + EventLog.positions(next) + " (LIKE consumer_offset_v1 INCLUDING ALL)")
                    .update();
            jdbc.sql("INSERT INTO projection_version (version, state) VALUES (?, 'BUILDING')")
                    .param(next)
                    .update();
            return next;
        });
    }

    /** Makes a built version the one every query reads, in one transaction. */
    void activate(int version) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE projection_version SET state = 'RETIRED' WHERE state = 'ACTIVE'")
                    .update();
            jdbc.sql("UPDATE projection_version SET state = 'ACTIVE', switched_at = now() WHERE version = ?")
                    .param(version)
                    .update();
            jdbc.sql("CREATE OR REPLACE VIEW event_log AS SELECT * FROM " + EventLog.events(version))
                    .update();
        });
        // fresh planner statistics for the table every query now reads
        jdbc.sql("ANALYZE " + EventLog.events(version)).update();
    }
}
