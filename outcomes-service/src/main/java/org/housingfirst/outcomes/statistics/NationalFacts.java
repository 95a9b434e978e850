package org.housingfirst.outcomes.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.outcomes.retention.TenancyHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every participation of a country as of a business date and as known at an instant. Participants whose latest
 * decision on consent for national statistics (known at that instant) is a withdrawal are left out.
 */
@Component
class NationalFacts {

    private final JdbcClient jdbc;

    NationalFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Participation> participations(String country, LocalDate asOf, Instant knownAt) {
        Map<String, TenancyHistory> tenancies = new HashMap<>();
        Map<String, String[]> enrolments = new HashMap<>();
        Set<String> withdrawn = new HashSet<>();
        jdbc.sql("""
                SELECT municipality_code || '/' || partition_key AS unit, type, occurred_on,
                       data ->> 'tenancyId' AS tenancy, data ->> 'endReason' AS end_reason,
                       data ->> 'destinationCategory' AS destination, data ->> 'sex' AS sex,
                       data ->> 'birthYear' AS birth_year, data ->> 'purpose' AS purpose
                FROM event_log
                WHERE country = ? AND recorded_at < ?
                  AND (type IN ('support.ParticipantEnrolled.v1', 'support.ConsentWithdrawn.v1',
                                'support.ConsentRecorded.v1')
                       OR (type IN ('tenancy.TenancyStarted.v1', 'tenancy.TenancyEnded.v1') AND occurred_on <= ?))
                ORDER BY occurred_on, recorded_at""").params(country, Timestamp.from(knownAt), asOf).query(rs -> {
            String unit = rs.getString("unit");
            String type = rs.getString("type");
            LocalDate on = rs.getObject("occurred_on", LocalDate.class);
            switch (type) {
                case "tenancy.TenancyStarted.v1" ->
                    tenancies.computeIfAbsent(unit, u -> new TenancyHistory()).started(rs.getString("tenancy"), on);
                case "tenancy.TenancyEnded.v1" ->
                    tenancies
                            .computeIfAbsent(unit, u -> new TenancyHistory())
                            .ended(
                                    rs.getString("tenancy"),
                                    on,
                                    EndReason.valueOf(rs.getString("end_reason")),
                                    DestinationCategory.valueOf(rs.getString("destination")));
                case "support.ParticipantEnrolled.v1" ->
                    enrolments.put(unit, new String[] {rs.getString("sex"), rs.getString("birth_year")});
                default -> {
                    // consent events arrive ordered by business date: the latest decision wins
                    if ("NATIONAL_STATISTICS".equals(rs.getString("purpose"))) {
                        if (type.endsWith("ConsentWithdrawn.v1")) {
                            withdrawn.add(unit);
                        } else {
                            withdrawn.remove(unit);
                        }
                    }
                }
            }
        });
        List<Participation> participations = new ArrayList<>(tenancies.size());
        tenancies.forEach((unit, history) -> {
            var spells = history.spells();
            if (spells.isEmpty() || withdrawn.contains(unit)) {
                return;
            }
            String[] enrolment = enrolments.get(unit);
            participations.add(new Participation(
                    unit.substring(0, unit.indexOf('/')),
                    enrolment == null ? null : enrolment[0],
                    enrolment == null || enrolment[1] == null ? null : Integer.valueOf(enrolment[1]),
                    spells));
        });
        return participations;
    }
}
