package org.housingfirst.outcomes.consumption;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versions of the projections: schema {@code projection_v<n>} holds the event log, the consumer's positions and
 * every projection table, copied from the template schema the migrations own. Exactly one version is active, and the
 * views of the same names in {@code public}, which every query reads, show it. One retired version is kept for
 * inspection or rollback; older ones are dropped.
 */
@Component
public class ProjectionVersions {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProjectionVersions(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A version's schema; versions are integers, so the name is safe to splice into SQL. */
    public static String schema(int version) {
        return "projection_v" + version;
    }

    public int active() {
        return jdbc.sql("SELECT version FROM projection_version WHERE state = 'ACTIVE'")
                .query(Integer.class)
                .single();
    }

    /**
     * Creates empty tables for the next version, marked BUILDING, with only their keys ({@link #index} adds the rest
     * once loaded); an unfinished earlier build is abandoned.
     */
    int createNext() {
        return transactions.execute(tx -> {
            List<Integer> abandoned = jdbc.sql(
                            "UPDATE projection_version SET state = 'ABANDONED' WHERE state = 'BUILDING' RETURNING version")
                    .query(Integer.class)
                    .list();
            abandoned.forEach(this::drop);
            int next = jdbc.sql("SELECT max(version) + 1 FROM projection_version")
                    .query(Integer.class)
                    .single();
            jdbc.sql("SELECT create_projection_version(?, false)").param(next).query(row -> {});
            jdbc.sql("INSERT INTO projection_version (version, state) VALUES (?, 'BUILDING')")
                    .param(next)
                    .update();
            return next;
        });
    }

    /** Builds the secondary indexes of a version loaded without them. */
    void index(int version) {
        jdbc.sql("SELECT index_projection_version(?)").param(version).query(row -> {});
    }

    /** Makes a built version the one every query reads, in one transaction; drops all but the last retired one. */
    void activate(int version) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE projection_version SET state = 'RETIRED' WHERE state = 'ACTIVE'")
                    .update();
            jdbc.sql("UPDATE projection_version SET state = 'ACTIVE', switched_at = now() WHERE version = ?")
                    .param(version)
                    .update();
            jdbc.sql("SELECT show_projection_version(?)").param(version).query(row -> {});
            jdbc.sql("""
                            SELECT version FROM projection_version WHERE state = 'RETIRED'
                            ORDER BY version DESC OFFSET 1""").query(Integer.class).list().forEach(this::drop);
        });
        // planner statistics for the tables every query now reads; TableUpkeep vacuums them soon after
        analyze(version);
    }

    /** Vacuums and analyses a version's tables; outside any transaction, as VACUUM must run. */
    void vacuum(int version) {
        maintain(version, "VACUUM (ANALYZE) ");
    }

    /**
     * Only analyses a version's tables: enough while a version is being built, and the first thing a version needs
     * when it becomes active.
     */
    void analyze(int version) {
        maintain(version, "ANALYZE ");
    }

    private void maintain(int version, String command) {
        jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = ?")
                .param(schema(version))
                .query(String.class)
                .list()
                .forEach(table ->
                        jdbc.sql(command + schema(version) + "." + table).update());
    }

    private void drop(int version) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema(version) + " CASCADE").update();
    }
}
