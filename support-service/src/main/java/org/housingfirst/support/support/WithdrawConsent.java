package org.housingfirst.support.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.ConsentPurpose;
import org.housingfirst.domain.EventContext;

/** Record that the participant withdrew consent for a purpose. */
public record WithdrawConsent(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        ConsentPurpose purpose,
        LocalDate withdrawnOn) {}
