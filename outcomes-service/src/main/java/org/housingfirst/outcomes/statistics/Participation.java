package org.housingfirst.outcomes.statistics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.housingfirst.outcomes.retention.TenancySpell;

/**
 * One participant's housing in one municipality, the unit counted in national tables: a person housed in two
 * municipalities counts once in each, so county and nation are exact sums of their municipalities.
 *
 * @param municipality municipality code
 * @param sex as stated at enrolment, or null when unknown
 * @param birthYear year of birth from the enrolment, or null when no enrolment is known
 * @param programme the programme of the enrolment, or null when no enrolment is known
 * @param spells tenancy spells, at least one
 */
public record Participation(
        String municipality, String sex, Integer birthYear, String programme, List<TenancySpell> spells) {

    public LocalDate firstMoveIn() {
        return spells.stream()
                .map(TenancySpell::moveIn)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }
}
