package org.housingfirst.support.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.support.SupportModel;

/** Body of POST /api/v1/participants/{participantId}/support-episodes. */
record StartSupportEpisodeRequest(
        @NotNull LocalDate startedOn,
        @NotNull SupportModel model,
        @NotNull @Min(0) @Max(100) Integer plannedContactsPerMonth) {}
