package org.housingfirst.edge.security;

import java.time.Clock;
import java.util.UUID;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.ParticipantId;

/** New ids and the recording instant for what a request reports. */
public class EventContexts {

    private final Clock clock;

    public EventContexts(Clock clock) {
        this.clock = clock;
    }

    /** A new event id, the recording instant, and who reports about whom. */
    public EventContext next(ReportingUnit unit, ParticipantId participantId) {
        return new EventContext(
                newId(), participantId, unit.reportingOrganisation(), unit.municipality(), clock.instant());
    }

    /** A new random id for something a request creates. */
    public UUID newId() {
        return UUID.randomUUID();
    }
}
