package org.housingfirst.tenancy.tenancy;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.tenancy.OfferDeclineReason;

/** Body of POST /api/v1/housing-offers/{offerId}/decline. */
record DeclineHousingOfferRequest(
        @NotNull LocalDate declinedOn, @NotNull OfferDeclineReason reason) {}
