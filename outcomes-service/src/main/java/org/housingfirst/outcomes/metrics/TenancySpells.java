package org.housingfirst.outcomes.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.tenancy.EndReason;
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
        Map<String, LocalDate> moveIns = new LinkedHashMap<>();
        Map<String, Row> endings = new LinkedHashMap<>();
        Map<String, String> participantOf = new LinkedHashMap<>();
        for (Row row : rows) {
            participantOf.put(row.tenancy(), row.participant());
            if (row.type().endsWith("TenancyStarted.v1")) {
                moveIns.put(row.tenancy(), row.on());
            } else {
                endings.put(row.tenancy(), row);
            }
        }
        Map<String, List<TenancySpell>> spells = new LinkedHashMap<>();
        moveIns.forEach((tenancy, moveIn) -> {
            Row end = endings.get(tenancy);
            TenancySpell spell = end == null
                    ? TenancySpell.active(moveIn)
                    : TenancySpell.ended(
                            moveIn,
                            end.on(),
                            EndReason.valueOf(end.reason()),
                            DestinationCategory.valueOf(end.destination()));
            spells.computeIfAbsent(participantOf.get(tenancy), p -> new ArrayList<>())
                    .add(spell);
        });
        return List.copyOf(spells.values());
    }
}
