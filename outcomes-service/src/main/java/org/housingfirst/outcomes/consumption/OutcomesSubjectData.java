package org.housingfirst.outcomes.consumption;

import java.util.List;
import java.util.Map;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.edge.participant.SubjectData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * outcomes-service's part of a subject access export: its copies of the participant's events in the active
 * projections' event log. Every figure it holds about them is derived from these events.
 */
@Component
class OutcomesSubjectData implements SubjectData {

    private final JdbcClient jdbc;
    private final ProjectionVersions versions;

    OutcomesSubjectData(JdbcClient jdbc, ProjectionVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(ParticipantId participant, Municipality municipality) {
        String schema = ProjectionVersions.schema(versions.active());
        return Map.of(
                "event_log",
                jdbc.sql("SELECT event_id, type, occurred_on, recorded_at, data FROM " + schema + ".event_log"
                                + " WHERE partition_key = ? AND country = ? AND municipality_code = ? ORDER BY seq")
                        .params(participant.value(), municipality.country(), municipality.code())
                        .query()
                        .listOfRows());
    }
}
