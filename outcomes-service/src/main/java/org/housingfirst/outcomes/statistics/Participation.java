package org.housingfirst.outcomes.statistics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.housingfirst.outcomes.retention.TenancySpell;

/**
 * One unit counted in tables: in national tables a person, with their housing in every municipality, attributed to
 * one municipality ({@link Participations}); in a municipality's own breakdowns its participation.
 *
 * @param person the participant's pseudonym (or local case reference), which links the facts of other projections
 * @param municipality municipality code (national tables: of the first move-in)
 * @param sex as stated at enrolment, or null when unknown
 * @param birthYear year of birth from the enrolment, or null when no enrolment is known
 * @param programme the programme of the enrolment, or null when no enrolment is known
 * @param spells tenancy spells, at least one, in move-in order
 */
public record Participation(
        String person,
        String municipality,
        String sex,
        Integer birthYear,
        String programme,
        List<TenancySpell> spells) {

    public LocalDate firstMoveIn() {
        return spells.stream()
                .map(TenancySpell::moveIn)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }
}
