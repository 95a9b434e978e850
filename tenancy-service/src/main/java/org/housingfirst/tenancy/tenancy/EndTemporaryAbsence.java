package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.domain.EventContext;

/** Record that the participant is back. */
public record EndTemporaryAbsence(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        UUID tenancyId,
        UUID absenceId,
        LocalDate endedOn) {}
