package org.housingfirst.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.outcomes.projection.ParticipationProjection.Housed;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.junit.jupiter.api.Test;

/** The national unit is the person (docs/metrics.md, national statistics: unit). */
class PersonUnitTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /*
     * She moved into a programme flat in Oslo on 2025-01-01 and was rehoused by the programme in Bergen on
     * 2025-06-05, four days after the Oslo tenancy ended on 2025-06-01; she still lives there. Per participation
     * that was Oslo 0/1 at 12 months (the Oslo tenancy ended, no rehousing in Oslo) and Bergen 1/1, or with a later
     * move not yet eligible in Bergen: 0/1 nationally where she has kept her home. As a person she is 1/1 at 12
     * months, attributed to Oslo (her first move-in), with Oslo's attributes.
     */
    @Test
    void aPersonRehousedAcrossMunicipalitiesIsRetainedOnceNationally() {
        Housed oslo = new Housed(
                "0301",
                "her-pseudonym",
                "FEMALE",
                1980,
                "oslo-housing-first",
                List.of(TenancySpell.ended(
                        d("2025-01-01"),
                        d("2025-06-01"),
                        EndReason.REHOUSED_WITHIN_PROGRAMME,
                        DestinationCategory.UNKNOWN)));
        Housed bergen = new Housed(
                "4601",
                "her-pseudonym",
                null,
                1980,
                "bergen-housing-first",
                List.of(TenancySpell.active(d("2025-06-05"))));
        Housed someoneElse = new Housed(
                "4601",
                "his-pseudonym",
                "MALE",
                1975,
                "bergen-housing-first",
                List.of(TenancySpell.active(d("2025-03-01"))));

        List<Participation> people = Participations.persons(List.of(bergen, oslo, someoneElse));

        assertThat(people).hasSize(2);
        Participation her = people.stream()
                .filter(p -> p.municipality().equals("0301"))
                .findFirst()
                .orElseThrow();
        assertThat(her.sex()).isEqualTo("FEMALE");
        assertThat(her.programme()).isEqualTo("oslo-housing-first");
        assertThat(her.spells()).extracting(TenancySpell::moveIn).containsExactly(d("2025-01-01"), d("2025-06-05"));
        assertThat(NationalMeasure.RETENTION_12M.contribution(her, AS_OF))
                .isEqualTo(NationalMeasure.Contribution.NUMERATOR);
        // per participation, as before: Oslo's participation alone is a loss at 12 months
        assertThat(NationalMeasure.RETENTION_12M.contribution(Participations.of(oslo), AS_OF))
                .isEqualTo(NationalMeasure.Contribution.DENOMINATOR);
        assertThat(NationalMeasure.RETENTION_12M.definitionVersion()).endsWith("(per-person)");
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
