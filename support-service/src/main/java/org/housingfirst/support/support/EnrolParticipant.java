package org.housingfirst.support.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.HomelessnessDuration;
import org.housingfirst.contracts.support.HomelessnessSituation;
import org.housingfirst.contracts.support.ReferralSource;
import org.housingfirst.contracts.support.Sex;
import org.housingfirst.domain.EventContext;

/** Enrol the participant in a programme. */
public record EnrolParticipant(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        String programmeId,
        LocalDate enrolledOn,
        ReferralSource referralSource,
        HomelessnessSituation homelessnessSituation,
        HomelessnessDuration homelessnessDuration,
        int birthYear,
        Sex sex) {}
