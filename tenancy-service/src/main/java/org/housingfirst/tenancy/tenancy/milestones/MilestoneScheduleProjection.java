package org.housingfirst.tenancy.tenancy.milestones;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.housingfirst.contracts.tenancy.TenancyCorrected;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.contracts.tenancy.TenancySustained;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.tenancy.tenancy.HousingHistoryId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code milestone_schedule}: every milestone of an active tenancy that has not been reached yet. */
@Component
@ProcessingGroup(MilestoneScheduleProjection.GROUP)
class MilestoneScheduleProjection {

    static final String GROUP = "milestone-schedule";

    private final JdbcClient jdbc;

    MilestoneScheduleProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TenancyStarted event) {
        String historyId = HousingHistoryId.of(event.municipality(), new ParticipantId(event.participantId()))
                .value();
        List<Object> rows = new ArrayList<>();
        for (int months : TenancyEvents.MILESTONE_MONTHS) {
            rows.addAll(List.of(
                    event.tenancyId(), months, historyId, event.occurredOn().plusMonths(months)));
        }
        jdbc.sql("INSERT INTO milestone_schedule (tenancy_id, months, housing_history_id, due_on) VALUES "
                        + String.join(", ", Collections.nCopies(TenancyEvents.MILESTONE_MONTHS.size(), "(?, ?, ?, ?)"))
                        + " ON CONFLICT DO NOTHING")
                .params(rows)
                .update();
    }

    @EventHandler
    void on(TenancySustained event) {
        jdbc.sql("DELETE FROM milestone_schedule WHERE tenancy_id = ? AND months = ?")
                .params(event.tenancyId(), event.months())
                .update();
    }

    /** A corrected move-in date moves the milestones not reached yet; an ended tenancy has none left. */
    @EventHandler
    void on(TenancyCorrected event) {
        jdbc.sql("UPDATE milestone_schedule SET due_on = (CAST(? AS date) + make_interval(months => months))::date"
                        + " WHERE tenancy_id = ?")
                .params(event.occurredOn(), event.tenancyId())
                .update();
    }

    @EventHandler
    void on(TenancyEnded event) {
        jdbc.sql("DELETE FROM milestone_schedule WHERE tenancy_id = ?")
                .param(event.tenancyId())
                .update();
    }
}
