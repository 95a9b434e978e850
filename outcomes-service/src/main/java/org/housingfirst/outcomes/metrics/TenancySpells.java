package org.housingfirst.outcomes.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.outcomes.retention.TenancyHistory;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each participant's tenancy spells in a municipality as of a business date and as known at an instant: only events
 * recorded before {@code knownAt} count, and an ending dated after {@code asOf} has not happened yet.
 */
@Component
class TenancySpells {

    private final JdbcClient jdbc;

    TenancySpells(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<List<TenancySpell>> byParticipant(Municipality municipality, LocalDate asOf, Instant knownAt) {
        record Row(String participant, String tenancy, String type, LocalDate on, String reason, String destination) {}
        List<Row> rows = jdbc.sql("""
                SELECT partition_key, data ->> 'tenancyId' AS tenancy, type, occurred_on,
                       data ->> 'endReason' AS end_reason, data ->> 'destinationCategory' AS destination
                FROM event_log
                WHERE country = ? AND municipality_code = ? AND recorded_at < ? AND occurred_on <= ?
                  AND type IN ('tenancy.TenancyStarted.v1', 'tenancy.TenancyEnded.v1')""")
                .params(municipality.country(), municipality.code(), Timestamp.from(knownAt), asOf)
                .query((rs, n) -> new Row(
                        rs.getString("partition_key"),
                        rs.getString("tenancy"),
                        rs.getString("type"),
                        rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("end_reason"),
                        rs.getString("destination")))
                .list();
        Map<String, TenancyHistory> histories = new LinkedHashMap<>();
        for (Row row : rows) {
            TenancyHistory history = histories.computeIfAbsent(row.participant(), p -> new TenancyHistory());
            if (row.type().endsWith("TenancyStarted.v1")) {
                history.started(row.tenancy(), row.on());
            } else {
                history.ended(
                        row.tenancy(),
                        row.on(),
                        EndReason.valueOf(row.reason()),
                        DestinationCategory.valueOf(row.destination()));
            }
        }
        return histories.values().stream()
                .map(TenancyHistory::spells)
                .filter(spells -> !spells.isEmpty())
                .toList();
    }
}
