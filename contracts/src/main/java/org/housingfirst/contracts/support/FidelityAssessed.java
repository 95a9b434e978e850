package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ProgrammeEvent;

/**
 * A programme's fidelity to Housing First was assessed. Item codes only: licensed item texts are never shipped. {@code occurredOn} is the day of the assessment.
 *
 * @param programmeId the programme assessed
 * @param assessmentId id of the assessment
 * @param scale the scale
 * @param scaleVersion its version
 * @param assessorType self or external
 * @param itemScores item code to score 1-4
 * @param domainMeans domain to mean item score
 * @param total sum of item scores
 * @param percentOfMaximum total as a percentage of the highest possible total
 */
@ContractRevision("1")
public record FidelityAssessed(
        UUID eventId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        String programmeId,
        UUID assessmentId,
        FidelityScale scale,
        String scaleVersion,
        AssessorType assessorType,
        Map<String, Integer> itemScores,
        Map<String, Double> domainMeans,
        int total,
        double percentOfMaximum)
        implements SupportEvent, ProgrammeEvent {}
