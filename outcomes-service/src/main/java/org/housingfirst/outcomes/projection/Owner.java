package org.housingfirst.outcomes.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import org.housingfirst.contracts.Municipality;

/**
 * Whose row it is: the participant and municipality of the fact with the greatest stamp among those applied, so the
 * order in which facts arrive cannot change it.
 */
record Owner(String participantId, String country, String municipalityCode, Stamp stamp) {

    static Owner of(String participantId, Municipality m, Stamp stamp) {
        return new Owner(participantId, m.country(), m.code(), stamp);
    }

    /** The owner after a fact: its own when it is the latest, else the previous one (null before any fact). */
    static Owner after(Owner previous, String participantId, Municipality m, Stamp stamp) {
        return previous == null || stamp.replaces(previous.stamp) ? of(participantId, m, stamp) : previous;
    }

    /** The owner columns of a row; its stamp is the greatest of the row's field-group stamps. */
    static Owner read(ResultSet row, Stamp... stamps) throws SQLException {
        Stamp latest = Arrays.stream(stamps)
                .filter(Objects::nonNull)
                .max(Stamp::compareTo)
                .orElseThrow();
        return new Owner(
                row.getString("participant_id"), row.getString("country"), row.getString("municipality_code"), latest);
    }

    static final String[] COLUMNS = {"participant_id", "country", "municipality_code"};

    Object[] values() {
        return new Object[] {participantId, country, municipalityCode};
    }
}
