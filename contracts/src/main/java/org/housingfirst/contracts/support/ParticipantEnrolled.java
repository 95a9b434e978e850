package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * A participant enrolled in a programme. {@code occurredOn} is the enrolment date.
 *
 * @param programmeId the programme, as the reporting organisation names it
 * @param referralSource who referred the participant
 * @param homelessnessSituation situation at entry
 * @param homelessnessDuration duration of homelessness at entry
 * @param birthYear year of birth, for age bands
 * @param sex sex as stated by the participant, or null
 */
@ContractRevision("1")
public record ParticipantEnrolled(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        String programmeId,
        ReferralSource referralSource,
        HomelessnessSituation homelessnessSituation,
        HomelessnessDuration homelessnessDuration,
        int birthYear,
        Sex sex)
        implements SupportEvent, ParticipantEvent {}
