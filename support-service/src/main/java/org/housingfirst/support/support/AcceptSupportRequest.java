package org.housingfirst.support.support;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Body of POST /api/v1/support-episodes/{episodeId}/offers/{offerId}/accept. */
record AcceptSupportRequest(@NotNull LocalDate acceptedOn) {}
