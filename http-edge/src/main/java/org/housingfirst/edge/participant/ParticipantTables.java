package org.housingfirst.edge.participant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.domain.ParticipantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Participant-level data kept in tables of the service's database ({@link ParticipantData} to erase it, {@link
 * SubjectData} to export it), with a query for every participant id the tables name.
 */
public class ParticipantTables implements ParticipantData, SubjectData {

    /**
     * A table, the condition that selects one participant's rows ({@code :participant}), and the condition that
     * selects them in one municipality ({@code :participant}, {@code :country}, {@code :code}).
     */
    public record Table(String name, String participantRows, String municipalityRows) {

        /** A table with the usual columns {@code participant_id}, {@code country} and {@code municipality_code}. */
        public static Table of(String name) {
            return new Table(
                    name,
                    "participant_id = :participant",
                    "participant_id = :participant AND country = :country AND municipality_code = :code");
        }
    }

    private final JdbcClient jdbc;
    private final List<Table> tables;
    private final String everyParticipantId;

    protected ParticipantTables(JdbcClient jdbc, List<Table> tables, String everyParticipantId) {
        this.jdbc = jdbc;
        this.tables = List.copyOf(tables);
        this.everyParticipantId = everyParticipantId;
    }

    @Override
    public int erase(ParticipantId participant) {
        int deleted = 0;
        for (Table table : tables) {
            deleted += jdbc.sql("DELETE FROM " + table.name() + " WHERE " + table.participantRows())
                    .param("participant", participant.value())
                    .update();
        }
        return deleted;
    }

    @Override
    public List<String> participantIds() {
        return jdbc.sql(everyParticipantId).query(String.class).list();
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(ParticipantId participant, Municipality municipality) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (Table table : tables) {
            rows.put(
                    table.name(),
                    jdbc.sql("SELECT * FROM " + table.name() + " WHERE " + table.municipalityRows())
                            .param("participant", participant.value())
                            .param("country", municipality.country())
                            .param("code", municipality.code())
                            .query()
                            .listOfRows());
        }
        return rows;
    }
}
