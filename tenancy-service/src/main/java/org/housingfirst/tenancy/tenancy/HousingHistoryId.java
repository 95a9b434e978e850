package org.housingfirst.tenancy.tenancy;

import org.housingfirst.contracts.Municipality;
import org.housingfirst.domain.ParticipantId;

/** Identifies one participant's housing history in one municipality: {@code SE-1280:<participant id>}. */
public record HousingHistoryId(String value) {

    public static HousingHistoryId of(Municipality municipality, ParticipantId participantId) {
        return new HousingHistoryId(municipality.country() + "-" + municipality.code() + ":" + participantId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
