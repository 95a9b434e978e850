package org.housingfirst.outcomes.consumption;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records set aside ({@code set_aside_record}), kept for the operator; a record met again is kept once. */
@Component
class SetAsideRecords {

    /** A set-aside record as the operator sees it. */
    record Entry(
            String topic,
            int partition,
            long offset,
            SetAside.Kind kind,
            String reason,
            UUID eventId,
            String type,
            Instant setAsideAt) {}

    private final JdbcClient jdbc;

    SetAsideRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores in the current transaction. */
    void store(List<SetAside> records) {
        for (SetAside r : records) {
            jdbc.sql("""
                            INSERT INTO public.set_aside_record (topic, partition, "offset", kind, reason, event_id, type)
                            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(r.topic(), r.partition(), r.offset(), r.kind().name(), r.reason(), r.eventId(), r.type())
                    .update();
        }
    }

    /** The most recent ones first. */
    List<Entry> latest(int limit) {
        return jdbc.sql("""
                        SELECT topic, partition, "offset", kind, reason, event_id, type, set_aside_at
                        FROM public.set_aside_record ORDER BY set_aside_at DESC, topic, partition, "offset" LIMIT ?""")
                .param(limit)
                .query((row, n) -> new Entry(
                        row.getString("topic"),
                        row.getInt("partition"),
                        row.getLong("offset"),
                        SetAside.Kind.valueOf(row.getString("kind")),
                        row.getString("reason"),
                        row.getObject("event_id", UUID.class),
                        row.getString("type"),
                        row.getTimestamp("set_aside_at").toInstant()))
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM public.set_aside_record")
                .query(Long.class)
                .single();
    }
}
