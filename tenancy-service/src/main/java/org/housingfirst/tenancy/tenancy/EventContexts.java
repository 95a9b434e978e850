package org.housingfirst.tenancy.tenancy;

import java.time.Clock;
import java.util.UUID;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.stereotype.Component;

/** New ids and the recording instant for what a request reports. */
@Component
class EventContexts {

    private final Clock clock;

    EventContexts(Clock clock) {
        this.clock = clock;
    }

    EventContext next(ReportingUnit unit, String participantId) {
        return new EventContext(
                newId(), participantId, unit.reportingOrganisation(), unit.municipality(), clock.instant());
    }

    UUID newId() {
        return UUID.randomUUID();
    }
}
