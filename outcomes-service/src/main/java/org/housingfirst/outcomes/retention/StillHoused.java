package org.housingfirst.outcomes.retention;

import java.time.LocalDate;
import java.util.List;

/**
 * The crude still-housed share (kvarboende, domain brief §2.1): participants living in a programme tenancy on the
 * as-of date, of all participants ever housed by then. A stock ratio without a time horizon: label it crude, and do
 * not compare programmes of different ages with it.
 *
 * @param housed living in a tenancy on the as-of date
 * @param everHoused moved in at least once on or before the as-of date
 * @param share housed / everHoused, null when nobody was ever housed
 */
public record StillHoused(int housed, int everHoused, Double share) {

    public static final String DEFINITION_VERSION = "still-housed-crude-v1";

    public static StillHoused compute(List<List<TenancySpell>> participants, LocalDate asOf) {
        int ever = 0;
        int housed = 0;
        for (List<TenancySpell> spells : participants) {
            Boolean status = housedOn(spells, asOf);
            if (status != null) {
                ever++;
                housed += status ? 1 : 0;
            }
        }
        return new StillHoused(housed, ever, ever == 0 ? null : (double) housed / ever);
    }

    /** Whether one participant lives in a tenancy on the day; null when never housed by then. */
    public static Boolean housedOn(List<TenancySpell> spells, LocalDate day) {
        if (spells.stream().noneMatch(s -> !s.moveIn().isAfter(day))) {
            return null;
        }
        return spells.stream().anyMatch(s -> s.covers(day));
    }
}
