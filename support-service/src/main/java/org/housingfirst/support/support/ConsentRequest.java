package org.housingfirst.support.support;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.support.ConsentPurpose;

/** Body of POST .../consents and .../consent-withdrawals: the purpose and the day. */
record ConsentRequest(
        @NotNull ConsentPurpose purpose, @NotNull LocalDate date) {}
