package org.housingfirst.tenancy.tenancy;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.domain.TenancyId;

/** Emit a due milestone for a tenancy; does nothing when it ended, was already reached or is not yet due. */
public record SustainTenancy(
        @TargetAggregateIdentifier HousingHistoryId historyId, TenancyId tenancyId, int months, Instant recordedAt) {}
