package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.tenancy.AbsenceType;
import org.housingfirst.domain.EventContext;

/** Record that the participant is temporarily away and keeps the tenancy. */
public record StartTemporaryAbsence(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        UUID tenancyId,
        UUID absenceId,
        LocalDate startedOn,
        AbsenceType absenceType) {}
