package org.housingfirst.tenancy.tenancy;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Body of POST /api/v1/tenancies/{tenancyId}/absences/{absenceId}/end. */
record EndTemporaryAbsenceRequest(@NotNull LocalDate endedOn) {}
