package org.housingfirst.support.support;

import org.housingfirst.contracts.Municipality;
import org.housingfirst.domain.ParticipantId;

/** Identifies one participant's support history in one municipality: {@code SE-1280:<participant id>}. */
public record SupportHistoryId(String value) {

    public static SupportHistoryId of(Municipality municipality, ParticipantId participantId) {
        return new SupportHistoryId(municipality.country() + "-" + municipality.code() + ":" + participantId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
