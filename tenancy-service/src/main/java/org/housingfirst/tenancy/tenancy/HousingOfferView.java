package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.domain.ParticipantId;

/** The current state of one housing offer. */
public record HousingOfferView(
        UUID offerId,
        String participantId,
        LocalDate offeredOn,
        HousingType housingType,
        LandlordType landlordType,
        Status status) {

    public enum Status {
        OPEN,
        DECLINED,
        TAKEN
    }

    ParticipantId participant() {
        return new ParticipantId(participantId);
    }

    HousingHistoryId historyId(Municipality municipality) {
        return HousingHistoryId.of(municipality, participant());
    }
}
