package org.housingfirst.edge.participant;

import java.util.List;
import org.housingfirst.domain.ParticipantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ParticipantData} kept in tables of the service's database: each named with the condition that selects one
 * participant's rows ({@code "tenancy_view WHERE participant_id = ?"}), and a query for every participant id they name.
 */
public class ParticipantTables implements ParticipantData {

    private final JdbcClient jdbc;
    private final List<String> rowsOfOneParticipant;
    private final String everyParticipantId;

    protected ParticipantTables(JdbcClient jdbc, List<String> rowsOfOneParticipant, String everyParticipantId) {
        this.jdbc = jdbc;
        this.rowsOfOneParticipant = List.copyOf(rowsOfOneParticipant);
        this.everyParticipantId = everyParticipantId;
    }

    @Override
    public int erase(ParticipantId participant) {
        int deleted = 0;
        for (String rows : rowsOfOneParticipant) {
            deleted +=
                    jdbc.sql("DELETE FROM " + rows).param(participant.value()).update();
        }
        return deleted;
    }

    @Override
    public List<String> participantIds() {
        return jdbc.sql(everyParticipantId).query(String.class).list();
    }
}
