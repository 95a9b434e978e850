package org.housingfirst.support.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.support.SupportModel;

/** Body of POST /api/v1/support-episodes/{episodeId}/intensity-changes. */
record ChangeSupportIntensityRequest(
        @NotNull LocalDate changedOn,
        @NotNull SupportModel toModel,
        @NotNull @Min(0) @Max(100) Integer plannedContactsPerMonth) {}
