package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * A support contact took place or was attempted. No notes: those stay in the case record. {@code occurredOn} is the day of the contact.
 *
 * @param episodeId the episode
 * @param contactId id of the contact
 * @param mode how
 * @param durationMinutes length in minutes, 0 for a missed attempt
 * @param staffRole the staff member's role
 * @param missed true when the contact was attempted but did not happen
 */
@ContractRevision("1")
public record SupportContactRecorded(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID episodeId,
        UUID contactId,
        ContactMode mode,
        int durationMinutes,
        StaffRole staffRole,
        boolean missed)
        implements SupportEvent, ParticipantEvent {}
