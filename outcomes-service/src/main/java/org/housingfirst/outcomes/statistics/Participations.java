package org.housingfirst.outcomes.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.housingfirst.outcomes.projection.ParticipationProjection;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.springframework.stereotype.Component;

/**
 * A country's people for national tables, as of a business date and as known at an instant: every person housed by
 * then, leaving out those whose latest decision on consent for national statistics is a withdrawal.
 *
 * <p><b>The unit is the person.</b> A person housed in several municipalities counts once: their tenancies in every
 * municipality are one housing history (so rehousing from one municipality to another within the gap is retention,
 * not a loss in the first and a new start in the second), attributed to the municipality of their first move-in
 * (the earliest; on the same day, the lowest code) with that participation's sex, birth year and programme. County
 * and nation stay exact sums of their municipalities. People are linked by their pseudonym, which identity numbers
 * give alike everywhere; a participant known only by a local case reference cannot be linked across organisations and
 * counts once per organisation.
 */
@Component
public class Participations {

    private final ParticipationProjection projection;

    Participations(ParticipationProjection projection) {
        this.projection = projection;
    }

    /** Null {@code knownAt}: everything stored. */
    List<Participation> national(String country, LocalDate asOf, Instant knownAt) {
        return persons(projection.housed(country, null, asOf, knownAt, true));
    }

    /** One {@link Participation} per person, by the rule above. */
    static List<Participation> persons(List<ParticipationProjection.Housed> participations) {
        Map<String, List<ParticipationProjection.Housed>> byPerson = new HashMap<>();
        for (ParticipationProjection.Housed housed : participations) {
            byPerson.computeIfAbsent(housed.participantId(), p -> new ArrayList<>(1))
                    .add(housed);
        }
        List<Participation> persons = new ArrayList<>(byPerson.size());
        for (List<ParticipationProjection.Housed> theirs : byPerson.values()) {
            if (theirs.size() == 1) {
                persons.add(of(theirs.getFirst()));
                continue;
            }
            ParticipationProjection.Housed attributed = theirs.stream()
                    .min(Comparator.comparing((ParticipationProjection.Housed h) -> firstMoveIn(h))
                            .thenComparing(ParticipationProjection.Housed::municipalityCode))
                    .orElseThrow();
            List<TenancySpell> spells = theirs.stream()
                    .flatMap(h -> h.spells().stream())
                    .sorted(Comparator.comparing(TenancySpell::moveIn))
                    .toList();
            persons.add(new Participation(
                    attributed.municipalityCode(),
                    attributed.sex(),
                    attributed.birthYear(),
                    attributed.programmeId(),
                    spells));
        }
        return persons;
    }

    private static LocalDate firstMoveIn(ParticipationProjection.Housed housed) {
        return housed.spells().stream()
                .map(TenancySpell::moveIn)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** One participation as the unit of a municipality's own breakdowns, from its projection row. */
    public static Participation of(ParticipationProjection.Housed housed) {
        return new Participation(
                housed.municipalityCode(), housed.sex(), housed.birthYear(), housed.programmeId(), housed.spells());
    }
}
