package org.housingfirst.support.support;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.support.SupportServiceType;

/** Body of POST /api/v1/support-episodes/{episodeId}/offers. */
record OfferSupportRequest(
        @NotNull LocalDate offeredOn, @NotNull SupportServiceType serviceType) {}
