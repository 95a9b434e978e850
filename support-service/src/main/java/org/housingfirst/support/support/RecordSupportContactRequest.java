package org.housingfirst.support.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.support.ContactMode;
import org.housingfirst.contracts.support.StaffRole;

/** Body of POST /api/v1/support-episodes/{episodeId}/contacts. No notes: they stay in the case record. */
record RecordSupportContactRequest(
        @NotNull LocalDate contactedOn,
        @NotNull ContactMode mode,
        @NotNull @Min(0) @Max(1440) Integer durationMinutes,
        @NotNull StaffRole staffRole,
        @NotNull Boolean missed) {}
