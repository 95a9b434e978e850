package org.housingfirst.support.support;

import org.housingfirst.contracts.Municipality;

/** Identifies one participant's support history in one municipality: {@code SE-1280:<pseudonym>}. */
public record SupportHistoryId(String value) {

    public static SupportHistoryId of(Municipality municipality, String participantId) {
        return new SupportHistoryId(municipality.country() + "-" + municipality.code() + ":" + participantId);
    }

    @Override
    public String toString() {
        return value;
    }
}
