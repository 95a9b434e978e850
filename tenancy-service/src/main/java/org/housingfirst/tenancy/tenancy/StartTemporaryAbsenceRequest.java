package org.housingfirst.tenancy.tenancy;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.tenancy.AbsenceType;

/** Body of POST /api/v1/tenancies/{tenancyId}/absences. */
record StartTemporaryAbsenceRequest(
        @NotNull LocalDate startedOn, @NotNull AbsenceType absenceType) {}
