package org.housingfirst.support.support;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.ContactMode;
import org.housingfirst.contracts.support.StaffRole;
import org.housingfirst.domain.EpisodeId;
import org.housingfirst.domain.EventContext;

/** Record a support contact, or an attempt that was missed. */
public record RecordSupportContact(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        EpisodeId episodeId,
        UUID contactId,
        LocalDate contactedOn,
        ContactMode mode,
        int durationMinutes,
        StaffRole staffRole,
        boolean missed) {}
