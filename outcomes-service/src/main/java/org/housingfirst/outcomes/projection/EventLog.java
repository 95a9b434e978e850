package org.housingfirst.outcomes.projection;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.housingfirst.contracts.ContractEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every contract event once, as it was published ({@code event_log}): the source for replays and audits, and the
 * sequence number that tells a kept figure whether its scope has changed. No metric reads its JSON.
 */
@Component
public class EventLog {

    /**
     * A contract event as read from its topic.
     *
     * @param type the CloudEvents type without the platform prefix, e.g. {@code tenancy.TenancyStarted.v1}
     * @param data the event's JSON, as published
     */
    public record Entry(ContractEvent event, String type, String data) {}

    private final JdbcClient jdbc;

    EventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the events not stored before, in one statement; returns their ids. Duplicates in the batch count once. */
    Set<UUID> store(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        int n = entries.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        String[] keys = new String[n];
        String[] countries = new String[n];
        String[] municipalities = new String[n];
        String[] dates = new String[n];
        String[] instants = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            ContractEvent e = entries.get(i).event();
            ids[i] = e.eventId();
            types[i] = entries.get(i).type();
            keys[i] = e.partitionKey();
            countries[i] = e.municipality().country();
            municipalities[i] = e.municipality().code();
            dates[i] = e.occurredOn().toString();
            instants[i] = e.recordedAt().toString();
            data[i] = entries.get(i).data();
        }
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO event_log (event_id, type, partition_key, country, municipality_code, occurred_on,
                            recorded_at, data)
                        SELECT DISTINCT ON (id) id, type, key, country, municipality, occurred::date,
                               recorded::timestamptz, data::jsonb
                        FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[]) AS e(id, type, key, country, municipality, occurred, recorded, data)
                        ON CONFLICT (event_id) DO NOTHING
                        RETURNING event_id""")
                .params(ids, types, keys, countries, municipalities, dates, instants, data)
                .query(UUID.class)
                .list());
    }

    /** The sequence number of the latest stored event. */
    public long latest() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM event_log")
                .query(Long.class)
                .single();
    }

    /**
     * Whether an event recorded before {@code knownAt} was stored after sequence number {@code since}: whether a figure
     * as known at that instant, computed when {@code since} was the latest, may have changed. Reads only the events
     * stored since then. A null municipality means the whole platform.
     */
    public boolean recordedBeforeStoredSince(String country, String municipalityCode, Instant knownAt, long since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event_log WHERE seq > ? AND recorded_at < ?"
                        + (municipalityCode == null ? ")" : " AND country = ? AND municipality_code = ?)"))
                .params(
                        municipalityCode == null
                                ? new Object[] {since, java.sql.Timestamp.from(knownAt)}
                                : new Object[] {since, java.sql.Timestamp.from(knownAt), country, municipalityCode})
                .query(Boolean.class)
                .single();
    }

    /** The sequence number of the latest stored event of one municipality. */
    public long latest(String country, String municipalityCode) {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM event_log WHERE country = ? AND municipality_code = ?")
                .params(country, municipalityCode)
                .query(Long.class)
                .single();
    }
}
