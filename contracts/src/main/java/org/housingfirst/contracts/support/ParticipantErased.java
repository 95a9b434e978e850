package org.housingfirst.contracts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.ContractRevision;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;

/**
 * The identity vault no longer links this participant id to anyone (ADR 0006): the participant's earlier events stay,
 * anonymous, and keep every published figure as it was; no further events about the participant follow. Consumers
 * delete whatever they hold that could tie the id to a person again.
 *
 * @param cause why the participant was erased
 */
@ContractRevision("1")
public record ParticipantErased(
        UUID eventId,
        String participantId,
        String reportingOrganisation,
        Municipality municipality,
        LocalDate occurredOn,
        Instant recordedAt,
        ErasureCause cause)
        implements SupportEvent, ParticipantEvent {}
