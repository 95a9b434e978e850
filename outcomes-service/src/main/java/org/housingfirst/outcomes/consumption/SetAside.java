package org.housingfirst.outcomes.consumption;

import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that could not be read, validated or projected, with the reason, instead of blocking its partition. The
 * reason names what was wrong and where, never a value from the record.
 *
 * @param eventId the CloudEvent id when it could be read, else null
 * @param type the CloudEvent type when it could be read, else null
 */
public record SetAside(String topic, int partition, long offset, Kind kind, String reason, UUID eventId, String type) {

    /** What went wrong, as the tag of the {@code outcomes_events_set_aside_total} counter. */
    public enum Kind {
        /** Not JSON, or not a CloudEvent of the platform. */
        UNREADABLE,
        /** A platform CloudEvent of a type or revision this service does not know. */
        UNKNOWN_TYPE,
        /** The event does not match its contract's JSON Schema, or does not bind to its record. */
        INVALID,
        /** A business date outside the plausible range. */
        IMPLAUSIBLE,
        /** The event could not be stored or projected (the database refused it, or projecting failed). */
        UNPROJECTABLE
    }

    static SetAside of(ConsumerRecord<?, ?> record, Kind kind, String reason, UUID eventId, String type) {
        return new SetAside(record.topic(), record.partition(), record.offset(), kind, reason, eventId, type);
    }
}
