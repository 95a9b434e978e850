package org.housingfirst.contracts.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;

/**
 * A tenancy reached a retention milestone while active. Emitted by the platform, not posted: when the milestone passes,
 * or at once, dated when it was reached, for a tenancy recorded after the fact. Temporary absences do not stop the
 * clock. {@code occurredOn} is the day the milestone was reached: the move-in date plus {@code months}.
 *
 * @param months 6, 12 or 24
 * @param moveInDate the move-in date the milestone counts from
 */
@ContractRevision("1")
public record TenancySustained(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID tenancyId,
        int months,
        LocalDate moveInDate)
        implements TenancyEvent {}
