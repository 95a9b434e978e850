package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.domain.AbsenceId;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.TenancyId;

/** Record that the participant is back. */
public record EndTemporaryAbsence(
        @TargetAggregateIdentifier HousingHistoryId historyId,
        EventContext context,
        TenancyId tenancyId,
        AbsenceId absenceId,
        LocalDate endedOn) {}
