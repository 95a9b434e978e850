package org.housingfirst.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.outcomes.geography.CodeList;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.housingfirst.outcomes.statistics.DisclosureControl.Status;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-12-31");

    /*
     * One county (01) of three municipalities, still housed on 2025-12-31, k = 3. Everyone moved in 2024-02-01 aged 44.
     *   0101: 10 women, 6 housed       -> 6/10, complement 4: passes
     *   0102:  8 men, 5 housed         -> 5/8, complement 3: passes
     *   0103:  2 women, both housed    -> 2/2: primary (denominator 2 < 3)
     * County 01: 13/20 in total, women 8/12, men 5/8.
     * 1. County total = 0101 + 0102 + 0103 would reveal 0103: the smaller other part, 0102 (8 < 10), is hidden.
     * 2. 0102's total = its women (none) + its men: its men are hidden too.
     * 3. County women = 0101 women + 0103 women would reveal 0103's women: 0101's women are hidden, and so (step 2
     *    again) 0101's total.
     * 4. County men = 0102 men alone: the county's men are hidden; then county total = women + men: the county's women.
     * The county's 13/20 stays published: it cannot be split into its hidden parts.
     */
    @Test
    void handWorkedCounty() {
        RateCube cube = handWorkedCube();
        Status[] status = DisclosureControl.apply(cube, 3);

        assertThat(status(cube, status, "0103", "TOTAL")).isEqualTo(Status.PRIMARY);
        assertThat(status(cube, status, "0102", "TOTAL")).isEqualTo(Status.SECONDARY);
        assertThat(status(cube, status, "0102", "SEX:MALE")).isEqualTo(Status.SECONDARY);
        assertThat(status(cube, status, "0101", "SEX:FEMALE")).isEqualTo(Status.SECONDARY);
        assertThat(status(cube, status, "0101", "TOTAL")).isEqualTo(Status.SECONDARY);
        assertThat(status(cube, status, "01", "SEX:MALE")).isEqualTo(Status.SECONDARY);
        assertThat(status(cube, status, "01", "SEX:FEMALE")).isEqualTo(Status.SECONDARY);
        assertThat(status(cube, status, "0101", "SEX:MALE")).isEqualTo(Status.NO_PARTICIPANTS);
        int county = cube.cell(cube.regionIndex("01"), cube.categoryIndex("TOTAL"));
        assertThat(status[county]).isEqualTo(Status.PUBLISHED);
        assertThat(cube.numerators[county]).isEqualTo(13);
        assertThat(cube.denominators[county]).isEqualTo(20);
        assertThat(SubtractionAttacker.derivable(hidden(status), cube.relations))
                .isEmpty();
    }

    /* The attacker is real: with primary suppression alone, 0103 follows from the county total by subtraction. */
    @Test
    void primarySuppressionAloneIsBrokenByTheAttacker() {
        RateCube cube = handWorkedCube();
        Set<Integer> primary = new HashSet<>();
        Status[] status = DisclosureControl.apply(cube, 3);
        for (int cell = 0; cell < status.length; cell++) {
            if (status[cell] == Status.PRIMARY) {
                primary.add(cell);
            }
        }
        assertThat(SubtractionAttacker.derivable(primary, cube.relations))
                .contains(cube.cell(cube.regionIndex("0103"), cube.categoryIndex("TOTAL")));
    }

    /* Random populations over two counties: every published cell passes the threshold and nothing hidden follows. */
    @RepeatedTest(40)
    void noSuppressedCellCanBeDerivedInRandomTables() {
        Random random = new Random();
        long seed = random.nextLong();
        random = new Random(seed);
        String[] municipalities = {"0101", "0102", "0103", "0104", "0201", "0202", "0203"};
        String[] sexes = {"FEMALE", "MALE", "OTHER", null};
        List<Participation> people = new ArrayList<>();
        int n = 20 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            String municipality = municipalities[random.nextInt(random.nextInt(municipalities.length) + 1)];
            LocalDate moveIn = LocalDate.parse("2022-01-01").plusDays(random.nextInt(1000));
            people.add(person(
                    municipality,
                    sexes[random.nextInt(sexes.length)],
                    random.nextInt(10) == 0 ? null : 1950 + random.nextInt(50),
                    moveIn,
                    random.nextInt(5) > 0));
        }
        int k = 3 + random.nextInt(4);
        RateCube cube = RateCube.build(twoCounties(), NationalMeasure.STILL_HOUSED, people, AS_OF);
        Status[] status = DisclosureControl.apply(cube, k);

        for (int cell = 0; cell < status.length; cell++) {
            if (status[cell] == Status.PUBLISHED) {
                assertThat(cube.denominators[cell]).as("seed %d", seed).isGreaterThanOrEqualTo(k);
                assertThat(cube.numerators[cell]).as("seed %d", seed).isGreaterThanOrEqualTo(k);
                assertThat(cube.denominators[cell] - cube.numerators[cell])
                        .as("seed %d", seed)
                        .isGreaterThanOrEqualTo(k);
            }
        }
        assertThat(SubtractionAttacker.derivable(hidden(status), cube.relations))
                .as("seed %d", seed)
                .isEmpty();
    }

    private static RateCube handWorkedCube() {
        List<Participation> people = new ArrayList<>();
        add(people, "0101", "FEMALE", 6, 4);
        add(people, "0102", "MALE", 5, 3);
        add(people, "0103", "FEMALE", 2, 0);
        return RateCube.build(county(3), NationalMeasure.STILL_HOUSED, people, AS_OF);
    }

    private static Status status(RateCube cube, Status[] status, String region, String category) {
        return status[cube.cell(cube.regionIndex(region), cube.categoryIndex(category))];
    }

    private static Set<Integer> hidden(Status[] status) {
        Set<Integer> hidden = new HashSet<>();
        for (int cell = 0; cell < status.length; cell++) {
            if (status[cell].suppressed()) {
                hidden.add(cell);
            }
        }
        return hidden;
    }

    private static void add(List<Participation> people, String municipality, String sex, int housed, int lost) {
        for (int i = 0; i < housed + lost; i++) {
            people.add(person(municipality, sex, 1980, LocalDate.parse("2024-02-01"), i < housed));
        }
    }

    private static Participation person(
            String municipality, String sex, Integer birthYear, LocalDate moveIn, boolean housed) {
        TenancySpell spell = housed
                ? TenancySpell.active(moveIn)
                : TenancySpell.ended(
                        moveIn, moveIn.plusDays(30), EndReason.EVICTION_RENT_ARREARS, DestinationCategory.HOMELESS);
        return new Participation(municipality, sex, birthYear, null, List.of(spell));
    }

    private static CodeList county(int municipalities) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 1; i <= municipalities; i++) {
            names.put("010" + i, "M" + i);
        }
        return new CodeList("SE", "Sweden", "TEST", "test", Map.of("01", "County 01"), names);
    }

    private static CodeList twoCounties() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : List.of("0101", "0102", "0103", "0104", "0201", "0202", "0203")) {
            names.put(code, "M" + code);
        }
        Map<String, String> counties = new LinkedHashMap<>();
        counties.put("01", "County 01");
        counties.put("02", "County 02");
        return new CodeList("SE", "Sweden", "TEST", "test", counties, names);
    }
}
