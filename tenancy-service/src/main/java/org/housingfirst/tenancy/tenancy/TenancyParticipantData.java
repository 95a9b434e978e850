package org.housingfirst.tenancy.tenancy;

import java.util.List;
import org.housingfirst.edge.participant.ParticipantTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * tenancy-service's participant-level data outside the event store: the tenancy and offer views, and the milestones
 * still to come (an erased person's tenancies emit no further events).
 */
@Component
class TenancyParticipantData extends ParticipantTables {

    TenancyParticipantData(JdbcClient jdbc) {
        super(
                jdbc,
                List.of(
                        new Table(
                                "milestone_schedule",
                                "split_part(housing_history_id, ':', 2) = :participant",
                                "housing_history_id = :country || '-' || :code || ':' || :participant"),
                        Table.of("tenancy_view"),
                        Table.of("housing_offer_view")),
                "SELECT participant_id FROM tenancy_view UNION SELECT participant_id FROM housing_offer_view");
    }
}
