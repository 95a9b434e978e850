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
import org.housingfirst.outcomes.pathways.ReturnsToHomelessness;
import org.housingfirst.outcomes.pathways.TimeToHousing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Enrolments, exits and first move-ins of a municipality's participants, as of a date and as known at an instant. */
@Component
class Journeys {

    private final JdbcClient jdbc;

    Journeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String participant, String type, LocalDate on, String destination) {}

    private List<Row> rows(Municipality municipality, LocalDate asOf, Instant knownAt, String... types) {
        return jdbc.sql("""
                SELECT partition_key, type, occurred_on, data ->> 'destinationCategory' AS destination
                FROM event_log
                WHERE country = ? AND municipality_code = ? AND recorded_at < ? AND occurred_on <= ?
                  AND type = ANY(?)
                ORDER BY occurred_on""")
                .params(municipality.country(), municipality.code(), Timestamp.from(knownAt), asOf, types)
                .query((rs, n) -> new Row(
                        rs.getString("partition_key"),
                        rs.getString("type"),
                        rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("destination")))
                .list();
    }

    List<ReturnsToHomelessness.Path> paths(Municipality municipality, LocalDate asOf, Instant knownAt) {
        Map<String, List<ReturnsToHomelessness.Exit>> exits = new LinkedHashMap<>();
        Map<String, List<LocalDate>> enrolments = new LinkedHashMap<>();
        for (Row row :
                rows(municipality, asOf, knownAt, "support.ParticipantExited.v1", "support.ParticipantEnrolled.v1")) {
            if (row.type().endsWith("Exited.v1")) {
                exits.computeIfAbsent(row.participant(), p -> new ArrayList<>())
                        .add(new ReturnsToHomelessness.Exit(row.on(), DestinationCategory.valueOf(row.destination())));
            } else {
                enrolments
                        .computeIfAbsent(row.participant(), p -> new ArrayList<>())
                        .add(row.on());
            }
        }
        List<ReturnsToHomelessness.Path> paths = new ArrayList<>();
        exits.forEach((participant, list) ->
                paths.add(new ReturnsToHomelessness.Path(list, enrolments.getOrDefault(participant, List.of()))));
        return paths;
    }

    /** Each enrolment dated in [from, to] with the first move-in on or after it, if any by {@code asOf}. */
    List<TimeToHousing.Enrolment> enrolments(
            Municipality municipality, LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt) {
        Map<String, List<LocalDate>> enrolled = new LinkedHashMap<>();
        Map<String, List<LocalDate>> moveIns = new LinkedHashMap<>();
        for (Row row :
                rows(municipality, asOf, knownAt, "support.ParticipantEnrolled.v1", "tenancy.TenancyStarted.v1")) {
            (row.type().endsWith("Enrolled.v1") ? enrolled : moveIns)
                    .computeIfAbsent(row.participant(), p -> new ArrayList<>())
                    .add(row.on());
        }
        List<TimeToHousing.Enrolment> result = new ArrayList<>();
        enrolled.forEach((participant, dates) -> {
            for (LocalDate on : dates) {
                if (on.isBefore(from) || on.isAfter(to)) {
                    continue;
                }
                LocalDate moveIn = moveIns.getOrDefault(participant, List.of()).stream()
                        .filter(d -> !d.isBefore(on))
                        .findFirst()
                        .orElse(null);
                result.add(new TimeToHousing.Enrolment(on, moveIn));
            }
        });
        return result;
    }
}
