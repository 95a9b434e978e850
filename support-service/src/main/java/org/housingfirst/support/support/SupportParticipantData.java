package org.housingfirst.support.support;

import java.util.List;
import org.housingfirst.edge.participant.ParticipantTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * support-service's participant-level data outside the event store: the enrolment and episode views, and the item
 * answers of quality-of-life assessments (which never leave this service; the events carry the scores).
 */
@Component
class SupportParticipantData extends ParticipantTables {

    SupportParticipantData(JdbcClient jdbc) {
        super(jdbc, List.of(Table.of("assessment_answers"), Table.of("episode_view"), Table.of("enrolment_view")), """
                SELECT participant_id FROM enrolment_view UNION SELECT participant_id FROM episode_view
                UNION SELECT participant_id FROM assessment_answers""");
    }
}
