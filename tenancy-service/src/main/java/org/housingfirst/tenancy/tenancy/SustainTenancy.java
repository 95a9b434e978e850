package org.housingfirst.tenancy.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Emit a due milestone for a tenancy; does nothing when it ended, was already reached or is not yet due. */
public record SustainTenancy(
        @TargetAggregateIdentifier HousingHistoryId historyId, UUID tenancyId, int months, Instant recordedAt) {}
