package org.housingfirst.support.support;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.support.ExitReason;
import org.housingfirst.edge.fields.ProgrammeId;

/** Body of POST /api/v1/participants/{participantId}/exits. */
record ExitParticipantRequest(
        @ProgrammeId String programmeId,
        @NotNull LocalDate exitedOn,
        @NotNull ExitReason exitReason,
        @NotNull DestinationCategory destinationCategory) {}
