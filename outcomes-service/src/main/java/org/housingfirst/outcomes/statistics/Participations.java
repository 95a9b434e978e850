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
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.outcomes.retention.TenancyHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Participations with their tenancy spells and enrolment attributes as of a business date and as known at an instant:
 * every one of a country for national tables, which leave out participants whose latest decision on consent for
 * national statistics is a withdrawal; or one municipality's, all of them, for its own breakdowns.
 */
@Component
public class Participations {

    private final JdbcClient jdbc;

    Participations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A country's participations for national statistics: consent withdrawals honoured. */
    List<Participation> national(String country, LocalDate asOf, Instant knownAt) {
        return load(country, null, asOf, knownAt, true);
    }

    /** One municipality's participations, for its own figures. */
    public List<Participation> of(Municipality municipality, LocalDate asOf, Instant knownAt) {
        return load(municipality.country(), municipality.code(), asOf, knownAt, false);
    }

    private List<Participation> load(
            String country, String municipality, LocalDate asOf, Instant knownAt, boolean nationalConsent) {
        Map<String, TenancyHistory> tenancies = new HashMap<>();
        Map<String, String[]> enrolments = new HashMap<>();
        Set<String> withdrawn = new HashSet<>();
        jdbc.sql("""
                SELECT municipality_code || '/' || partition_key AS unit, type, occurred_on,
                       data ->> 'tenancyId' AS tenancy, data ->> 'endReason' AS end_reason,
                       data ->> 'destinationCategory' AS destination, data ->> 'sex' AS sex,
                       data ->> 'birthYear' AS birth_year, data ->> 'purpose' AS purpose,
                       data ->> 'programmeId' AS programme
                FROM event_log
                WHERE country = ? AND (CAST(? AS text) IS NULL OR municipality_code = ?) AND recorded_at < ?
                  AND (type IN ('support.ParticipantEnrolled.v1', 'support.ConsentWithdrawn.v1',
                                'support.ConsentRecorded.v1')
                       OR (type IN ('tenancy.TenancyStarted.v1', 'tenancy.TenancyEnded.v1') AND occurred_on <= ?))
                ORDER BY occurred_on, recorded_at""")
                .params(country, municipality, municipality, Timestamp.from(knownAt), asOf)
                .query(rs -> {
                    String unit = rs.getString("unit");
                    String type = rs.getString("type");
                    LocalDate on = rs.getObject("occurred_on", LocalDate.class);
                    switch (type) {
                        case "tenancy.TenancyStarted.v1" ->
                            tenancies
                                    .computeIfAbsent(unit, u -> new TenancyHistory())
                                    .started(rs.getString("tenancy"), on);
                        case "tenancy.TenancyEnded.v1" ->
                            tenancies
                                    .computeIfAbsent(unit, u -> new TenancyHistory())
                                    .ended(
                                            rs.getString("tenancy"),
                                            on,
                                            EndReason.valueOf(rs.getString("end_reason")),
                                            DestinationCategory.valueOf(rs.getString("destination")));
                        case "support.ParticipantEnrolled.v1" ->
                            enrolments.put(unit, new String[] {
                                rs.getString("sex"), rs.getString("birth_year"), rs.getString("programme")
                            });
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
            if (spells.isEmpty() || (nationalConsent && withdrawn.contains(unit))) {
                return;
            }
            String[] enrolment = enrolments.get(unit);
            participations.add(new Participation(
                    unit.substring(0, unit.indexOf('/')),
                    enrolment == null ? null : enrolment[0],
                    enrolment == null || enrolment[1] == null ? null : Integer.valueOf(enrolment[1]),
                    enrolment == null ? null : enrolment[2],
                    spells));
        });
        return participations;
    }
}
