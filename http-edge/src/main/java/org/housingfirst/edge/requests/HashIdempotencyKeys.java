package org.housingfirst.edge.requests;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.housingfirst.identity.Pseudonymiser;

/**
 * Replaces the idempotency keys stored in clear by earlier versions with their keyed hash, so a retry of a request
 * acknowledged before an upgrade still replays. A repeatable migration that runs once per database: it needs the
 * pseudonymisation key, which only the running service holds, so it cannot be SQL.
 */
final class HashIdempotencyKeys implements JavaMigration {

    private static final String HASHED = "^[a-z2-7]{52}$";

    private final Pseudonymiser pseudonymiser;

    HashIdempotencyKeys(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    @Override
    public MigrationVersion getVersion() {
        return null;
    }

    @Override
    public String getDescription() {
        return "edge idempotency keys hashed";
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        record Clear(String scope, String key) {}
        List<Clear> clear = new ArrayList<>();
        try (PreparedStatement select = context.getConnection()
                        .prepareStatement("SELECT scope, request_key FROM idempotent_request WHERE request_key !~ ?");
                PreparedStatement update = context.getConnection()
                        .prepareStatement(
                                "UPDATE idempotent_request SET request_key = ? WHERE scope = ? AND request_key = ?")) {
            select.setString(1, HASHED);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    clear.add(new Clear(rows.getString(1), rows.getString(2)));
                }
            }
            for (Clear row : clear) {
                update.setString(1, IdempotentRequests.hashedKey(pseudonymiser, row.key()));
                update.setString(2, row.scope());
                update.setString(3, row.key());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
