package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * A quality-of-life assessment was scored. Scores only: item answers stay in support-service. {@code occurredOn} is the day of the assessment.
 *
 * @param assessmentId id of the assessment
 * @param instrument the instrument
 * @param instrumentVersion its version, never mixed in metrics
 * @param timepoint baseline, 6, 12, 18, 24 months, exit or ad hoc
 * @param scoringVersion the version of the scoring algorithm
 * @param scores named scores, e.g. physical_100 or satisfaction_mean; see docs/events.md
 * @param healthProfile EQ-5D-5L five-digit profile, else null
 * @param valueSetId EQ-5D-5L value set behind the index score, else null
 * @param missingItems number of unanswered items
 */
@ContractRevision("1")
public record QualityOfLifeAssessed(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        UUID assessmentId,
        QualityOfLifeInstrument instrument,
        String instrumentVersion,
        AssessmentTimepoint timepoint,
        String scoringVersion,
        Map<String, Double> scores,
        String healthProfile,
        String valueSetId,
        int missingItems)
        implements SupportEvent, ParticipantEvent {}
