package org.housingfirst.tenancy.tenancy.milestones;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.housingfirst.domain.RejectedRequest;
import org.housingfirst.domain.TenancyId;
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
 * work), turned into a {@link SustainTenancy} command and removed in one transaction: a crash leaves the row for the
 * next run, and the housing history ignores a milestone it already emitted.
 */
@Component
public class MilestoneScheduler {

    private static final Logger log = LoggerFactory.getLogger(MilestoneScheduler.class);

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
        LocalDate today = LocalDate.now(clock);
        int total = 0;
        while (emitOne(today)) {
            total++;
        }
        if (total > 0) {
            log.info("Processed {} due tenancy milestones", total);
        }
        return total;
    }

    /**
     * Emits one due milestone in its own transaction. A row the housing history refuses can never succeed, so it is
     * removed with a warning instead of blocking the rows behind it; any other failure leaves it for the next run.
     */
    private boolean emitOne(LocalDate today) {
        AtomicReference<Due> current = new AtomicReference<>();
        try {
            return Boolean.TRUE.equals(transactions.execute(tx -> {
                Optional<Due> due = jdbc.sql("""
                        SELECT tenancy_id, months, housing_history_id FROM milestone_schedule
                        WHERE due_on <= ? ORDER BY due_on LIMIT 1 FOR UPDATE SKIP LOCKED""")
                        .param(today)
                        .query((rs, row) -> new Due(
                                rs.getObject("tenancy_id", UUID.class),
                                rs.getInt("months"),
                                rs.getString("housing_history_id")))
                        .optional();
                if (due.isEmpty()) {
                    return false;
                }
                Due d = due.get();
                current.set(d);
                commands.sendAndWait(new SustainTenancy(
                        new HousingHistoryId(d.historyId()),
                        new TenancyId(d.tenancyId()),
                        d.months(),
                        clock.instant()));
                delete(d);
                return true;
            }));
        } catch (RejectedRequest | AggregateNotFoundException refused) {
            Due d = current.get();
            log.warn(
                    "Removing the {}-month milestone of tenancy {}: {}",
                    d.months(),
                    d.tenancyId(),
                    refused.getMessage());
            transactions.executeWithoutResult(tx -> delete(d));
            return true;
        }
    }

    private void delete(Due due) {
        jdbc.sql("DELETE FROM milestone_schedule WHERE tenancy_id = ? AND months = ?")
                .params(due.tenancyId(), due.months())
                .update();
    }
}
