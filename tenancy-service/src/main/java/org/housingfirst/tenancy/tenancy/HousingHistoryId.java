package org.housingfirst.tenancy.tenancy;

import org.housingfirst.contracts.Municipality;

/** Identifies one participant's housing history in one municipality: {@code SE-1280:<pseudonym>}. */
public record HousingHistoryId(String value) {

    public static HousingHistoryId of(Municipality municipality, String participantId) {
        return new HousingHistoryId(municipality.country() + "-" + municipality.code() + ":" + participantId);
    }

    @Override
    public String toString() {
        return value;
    }
}
