package org.housingfirst.outcomes.engagement;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.housingfirst.contracts.Municipality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a municipality's support events, as of a date and as known at an instant, into a month's engagement. */
@Component
public class EngagementEvents {

    private final JdbcClient jdbc;

    EngagementEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public MonthlyEngagement month(Municipality municipality, YearMonth month, LocalDate asOf, Instant knownAt) {
        record Row(String type, String participant, LocalDate on, String episode, String offer, boolean missed) {}
        List<Row> rows = jdbc.sql("""
                SELECT type, partition_key, occurred_on, data ->> 'episodeId' AS episode, data ->> 'offerId' AS offer,
                       COALESCE((data ->> 'missed')::boolean, false) AS missed
                FROM event_log
                WHERE country = ? AND municipality_code = ? AND recorded_at < ? AND occurred_on <= ?
                  AND type IN ('support.SupportEpisodeStarted.v1', 'support.SupportEpisodeEnded.v1',
                               'support.SupportContactRecorded.v1', 'support.SupportOffered.v1',
                               'support.SupportDeclined.v1')""")
                .params(municipality.country(), municipality.code(), Timestamp.from(knownAt), asOf)
                .query((rs, n) -> new Row(
                        rs.getString("type"),
                        rs.getString("partition_key"),
                        rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("episode"),
                        rs.getString("offer"),
                        rs.getBoolean("missed")))
                .list();
        Map<String, Row> starts = new HashMap<>();
        Map<String, LocalDate> ends = new HashMap<>();
        Set<String> declined = new HashSet<>();
        List<MonthlyEngagement.Contact> contacts = new ArrayList<>();
        List<Row> offers = new ArrayList<>();
        for (Row row : rows) {
            switch (row.type()) {
                case "support.SupportEpisodeStarted.v1" -> starts.put(row.episode(), row);
                case "support.SupportEpisodeEnded.v1" -> ends.put(row.episode(), row.on());
                case "support.SupportContactRecorded.v1" ->
                    contacts.add(new MonthlyEngagement.Contact(row.participant(), row.on(), row.missed()));
                case "support.SupportOffered.v1" -> offers.add(row);
                default -> declined.add(row.offer());
            }
        }
        List<MonthlyEngagement.Episode> episodes = starts.values().stream()
                .map(s -> new MonthlyEngagement.Episode(s.participant(), s.on(), ends.get(s.episode())))
                .toList();
        return MonthlyEngagement.compute(
                month,
                episodes,
                contacts,
                offers.stream()
                        .map(o -> new MonthlyEngagement.Offer(o.participant(), o.on(), declined.contains(o.offer())))
                        .toList());
    }
}
