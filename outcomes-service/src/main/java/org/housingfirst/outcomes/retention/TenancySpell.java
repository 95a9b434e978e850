package org.housingfirst.outcomes.retention;

import java.time.LocalDate;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndReason;

/**
 * One tenancy of a participant as known at the time of the calculation.
 *
 * @param moveIn the move-in date
 * @param end the end date, or null while the tenancy is active
 * @param endReason why it ended, or null while active
 * @param destination where the participant went, or null while active
 */
public record TenancySpell(LocalDate moveIn, LocalDate end, EndReason endReason, DestinationCategory destination) {

    public static TenancySpell active(LocalDate moveIn) {
        return new TenancySpell(moveIn, null, null, null);
    }

    public static TenancySpell ended(
            LocalDate moveIn, LocalDate end, EndReason reason, DestinationCategory destination) {
        return new TenancySpell(moveIn, end, reason, destination);
    }

    /** True when the participant lived here on {@code day}: from move-in up to, not including, the end date. */
    public boolean covers(LocalDate day) {
        return !moveIn.isAfter(day) && (end == null || end.isAfter(day));
    }
}
