package org.housingfirst.tenancy.tenancy.milestones;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.housingfirst.tenancy.tenancy.HousingHistoryId;
import org.housingfirst.tenancy.tenancy.SustainTenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emits milestones that have fallen due. Each due row is locked ({@code SKIP LOCKED}, so several instances share the
 * work), turned into a {@link SustainTenancy} command and removed, all in one transaction: a crash leaves the row for
 * the next run, and the housing history ignores a milestone it already emitted.
 */
@Component
public class MilestoneScheduler {

    private static final Logger log = LoggerFactory.getLogger(MilestoneScheduler.class);
    private static final int BATCH = 100;

    private record Due(UUID tenancyId, int months, String historyId) {}

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MilestoneScheduler(JdbcClient jdbc, CommandGateway commands, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${platform.milestones.initial-delay:PT5S}",
            fixedDelayString = "${platform.milestones.poll-interval:PT1M}")
    void poll() {
        emitDueMilestones();
    }

    /** Emits every milestone due today or earlier; returns how many rows were processed. */
    public int emitDueMilestones() {
        int total = 0;
        int processed;
        do {
            processed = emitBatch(LocalDate.now(clock));
            total += processed;
        } while (processed == BATCH);
        if (total > 0) {
            log.info("Processed {} due tenancy milestones", total);
        }
        return total;
    }

    private int emitBatch(LocalDate today) {
        Integer processed = transactions.execute(tx -> {
            List<Due> due = jdbc.sql("""
                    SELECT tenancy_id, months, housing_history_id FROM milestone_schedule
                    WHERE due_on <= ? ORDER BY due_on LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(today, BATCH)
                    .query((rs, row) -> new Due(
                            rs.getObject("tenancy_id", UUID.class),
                            rs.getInt("months"),
                            rs.getString("housing_history_id")))
                    .list();
            for (Due d : due) {
                commands.sendAndWait(new SustainTenancy(
                        new HousingHistoryId(d.historyId()), d.tenancyId(), d.months(), clock.instant()));
                jdbc.sql("DELETE FROM milestone_schedule WHERE tenancy_id = ? AND months = ?")
                        .params(d.tenancyId(), d.months())
                        .update();
            }
            return due.size();
        });
        return processed == null ? 0 : processed;
    }
}
