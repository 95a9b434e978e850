package org.housingfirst.contracts.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;

/**
 * A dwelling was offered to a participant. {@code occurredOn} is the day of the offer.
 *
 * @param offerId id of the offer, referred to by a decline or by the tenancy that follows
 */
@ContractRevision("1")
public record HousingOffered(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID offerId,
        HousingType housingType,
        LandlordType landlordType)
        implements TenancyEvent {}
