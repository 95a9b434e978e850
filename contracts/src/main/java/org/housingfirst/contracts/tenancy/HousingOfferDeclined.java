package org.housingfirst.contracts.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;

/**
 * The participant declined an offer; choice is a principle of Housing First, so this is a normal event. {@code
 * occurredOn} is the day of the decline.
 */
@ContractRevision("1")
public record HousingOfferDeclined(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID offerId,
        OfferDeclineReason reason)
        implements TenancyEvent {}
