package org.housingfirst.support.support;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.support.SupportDeclineReason;

/** Body of POST /api/v1/support-episodes/{episodeId}/offers/{offerId}/decline. */
record DeclineSupportRequest(
        @NotNull LocalDate declinedOn, @NotNull SupportDeclineReason reason) {}
