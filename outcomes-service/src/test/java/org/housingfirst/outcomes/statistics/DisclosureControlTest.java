package org.housingfirst.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.housingfirst.outcomes.statistics.DisclosureControl.Status;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {

    private static final String[] SEXES = {"FEMALE", "MALE", "OTHER", null};

    private static final LocalDate AS_OF = LocalDate.parse("2025-12-31");

    /**
     * Random populations per run for the attackers: 20 in the build (.ci/run), 100 for the full proof with
     * {@code -Dattackers.populations=100} (docs/metrics.md).
     */
    private static final int POPULATIONS = Integer.getInteger("attackers.populations", 20);

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
        assertThat(SubtractionAttacker.derivable(DisclosureControl.hidden(status), cube.relations))
                .isEmpty();
    }

    /*
     * A table of counts (HF06, persons housed on the reference date), k = 3, one county: 0101 has 6 housed women and 4
     * women who lost their homes, 0102 5 housed men, 0103 2 housed women. Only the count is published, so only the
     * count is tested: 0101's 6 is shown, where a rate table with the same cells would hide it for its numerator of 0.
     * 0103's 2 is primary; the county's 13 minus 0101 and 0102
     * would give it, so 0102 (the smaller other part) is hidden, then as in the hand-worked county above. Those who
     * lost their homes are not counted at all.
     */
    @Test
    void aTableOfCountsProtectsTheCountAlone() {
        List<Participation> people = new ArrayList<>();
        add(people, "0101", "FEMALE", 6, 4);
        add(people, "0102", "MALE", 5, 0);
        add(people, "0103", "FEMALE", 2, 0);
        RateCube cube = RateCube.build(county(3), NationalMeasure.PARTICIPANTS, people, AS_OF);
        Status[] status = DisclosureControl.apply(cube, 3);

        assertThat(cube.counts).isTrue();
        assertThat(cube.numerators).containsOnly(0L);
        int county = cube.cell(cube.regionIndex("01"), cube.categoryIndex("TOTAL"));
        assertThat(cube.denominators[county]).isEqualTo(13);
        assertThat(status[county]).isEqualTo(Status.PUBLISHED);
        assertThat(status(cube, status, "0103", "TOTAL")).isEqualTo(Status.PRIMARY);
        assertThat(status(cube, status, "0102", "TOTAL")).isEqualTo(Status.SECONDARY);
        assertThat(status(cube, status, "0101", "SEX:FEMALE")).isEqualTo(Status.SECONDARY);
        Set<Integer> hidden = DisclosureControl.hidden(status);
        assertThat(SubtractionAttacker.derivable(hidden, cube.relations)).isEmpty();
        assertThat(IntervalAttacker.narrowed(cube, hidden, 3)).isEmpty();
        assertThat(IntervalAttacker.narrowedByInsiders(cube, hidden, 3)).isEmpty();
        // read as a rate table, the same counts would be hidden everywhere: each numerator is 0 < k
        RateCube asRates =
                RateCube.of(county(3), cube.regions, cube.categories, cube.numerators, cube.denominators, 0, false);
        assertThat(DisclosureControl.ruleOfTwo(asRates, 3)).doesNotContain(Status.PUBLISHED);
    }

    /*
     * Tables of counts against the four attackers: random populations as in the test below, counted as HF06. Published
     * counts are at least k and no attacker computes or narrows a hidden count.
     */
    @Test
    void theAttackersFindNothingInRandomTablesOfCounts() {
        long first = new Random().nextLong();
        int hidden = 0;
        for (int i = 0; i < Math.max(10, POPULATIONS / 2); i++) {
            long seed = first + i;
            RateCube cube = randomCounties(seed, NationalMeasure.PARTICIPANTS);
            Status[] status = DisclosureControl.apply(cube, 5);
            for (int cell = 0; cell < status.length; cell++) {
                if (status[cell] == Status.PUBLISHED) {
                    assertThat(cube.denominators[cell]).as("seed %d", seed).isGreaterThanOrEqualTo(5);
                }
            }
            Set<Integer> now = DisclosureControl.hidden(status);
            hidden += now.size();
            int[] found = {
                SubtractionAttacker.derivable(now, cube.relations).size(),
                insiders(cube, now).size(),
                IntervalAttacker.narrowed(cube, now, 5).size(),
                IntervalAttacker.narrowedByInsiders(cube, now, 5).size()
            };
            assertThat(found)
                    .as("seed %d: linear, insiders, interval, interval insiders", seed)
                    .containsOnly(0);
        }
        assertThat(hidden).as("the tables had small counts to hide").isPositive();
    }

    /*
     * The interval attack (issue 12), k = 5: what policy v2 does not yet withstand. County 01: 23 of 31 still housed.
     * 0101 publishes 12/20; 0102 (6/6) and 0103 (5/5) are hidden, complement 0 < 5. Nothing follows by elimination,
     * but the hidden numerators add up to 11 and so do the hidden denominators, and n <= d: both hidden cells are
     * 100 %, which the attacker (integer programs, IntervalAttacker) finds. Policy v4 hides more until neither the
     * public nor either municipality can confine any hidden cell to fewer than 5 values.
     */
    @Test
    void policyV2LeavesTwoFullCellsOpenToTheIntervalAttackAndV4ClosesIt() {
        List<Participation> people = new ArrayList<>();
        add(people, "0101", null, 12, 8);
        add(people, "0102", null, 6, 0);
        add(people, "0103", null, 5, 0);
        RateCube cube = RateCube.build(county(3), NationalMeasure.STILL_HOUSED, people, AS_OF);
        Set<Integer> hidden = DisclosureControl.hidden(DisclosureControl.linear(cube, 5));

        assertThat(SubtractionAttacker.derivable(hidden, cube.relations)).isEmpty();
        int cell0102 = cube.cell(cube.regionIndex("0102"), cube.categoryIndex("TOTAL"));
        int cell0103 = cube.cell(cube.regionIndex("0103"), cube.categoryIndex("TOTAL"));
        assertThat(IntervalAttacker.narrowed(cube, hidden, 5)).contains(cell0102, cell0103);
        IntervalAttacker.Ranges ranges = IntervalAttacker.ranges(cube, hidden).get(cell0102);
        assertThat(ranges.complement()).containsExactly(0L, 0L);
        assertThat(ranges.denominator()).containsExactly(1L, 10L);

        assertClosedToTheIntervalAttack(cube, hidden);
    }

    /** Under policy v4 the table hides more than under v2, and no attacker narrows a hidden cell below k = 5. */
    private static void assertClosedToTheIntervalAttack(RateCube cube, Set<Integer> v2) {
        Set<Integer> v4 = DisclosureControl.hidden(DisclosureControl.apply(cube, 5));
        assertThat(v4).containsAll(v2).hasSizeGreaterThan(v2.size());
        assertThat(IntervalAttacker.narrowed(cube, v4, 5)).isEmpty();
        assertThat(IntervalAttacker.narrowedByInsiders(cube, v4, 5)).isEmpty();
        assertThat(SubtractionAttacker.derivable(v4, cube.relations)).isEmpty();
    }

    /*
     * County 01: 13 of 22 still housed; 0101 publishes 12/20; 0102 (1/1) and 0103 (0/1) are hidden. Their
     * denominators add up to 2 and each is at least 1, so each holds one person: the attacker confines both
     * denominators to a single value under policy v2; v4 closes it.
     */
    @Test
    void policyV2LeavesARemainderOfTwoOpenToTheIntervalAttackAndV4ClosesIt() {
        List<Participation> people = new ArrayList<>();
        add(people, "0101", null, 12, 8);
        add(people, "0102", null, 1, 0);
        add(people, "0103", null, 0, 1);
        RateCube cube = RateCube.build(county(3), NationalMeasure.STILL_HOUSED, people, AS_OF);
        Set<Integer> hidden = DisclosureControl.hidden(DisclosureControl.linear(cube, 5));

        int cell0102 = cube.cell(cube.regionIndex("0102"), cube.categoryIndex("TOTAL"));
        assertThat(IntervalAttacker.narrowed(cube, hidden, 5))
                .contains(cell0102, cube.cell(cube.regionIndex("0103"), cube.categoryIndex("TOTAL")));
        assertThat(IntervalAttacker.ranges(cube, hidden).get(cell0102).denominator())
                .containsExactly(1L, 1L);

        assertClosedToTheIntervalAttack(cube, hidden);
    }

    /*
     * The insider attack, k = 5. County 01 has two municipalities: 0101 with 12/20 and 0102 with 3/4 (primary). The
     * rule of two hides 0101 as 0102's partner, and the county total 15/24 stays published: nobody outside can split
     * it. But 0101 knows its own 12/20, subtracts it and has 0102's 3/4. Policy v3 (and v4) audits as each municipality too,
     * and hides the county (and with it the nation, which equals it) as well.
     */
    @Test
    void anInsiderRecoversItsNeighbourUnderPolicyV2AndNotUnderThePolicy() {
        List<Participation> people = new ArrayList<>();
        add(people, "0101", null, 12, 8);
        add(people, "0102", null, 3, 1);
        RateCube cube = RateCube.build(county(2), NationalMeasure.STILL_HOUSED, people, AS_OF);
        int cell0102 = cube.cell(cube.regionIndex("0102"), cube.categoryIndex("TOTAL"));
        Set<Integer> v2 = DisclosureControl.hidden(DisclosureControl.linear(cube, 5));
        assertThat(SubtractionAttacker.derivable(v2, cube.relations)).isEmpty();
        assertThat(insiders(cube, v2)).contains(cell0102);

        Set<Integer> v3 = DisclosureControl.hidden(DisclosureControl.apply(cube, 5));
        assertThat(insiders(cube, v3)).isEmpty();
        assertThat(v3).contains(cube.cell(cube.regionIndex("01"), cube.categoryIndex("TOTAL")));
    }

    /*
     * The insiders (each municipality in turn adds its own row and eliminates) against policy v2 and the policy on the
     * small-county populations of seeds 0 to 9 and a random one (k = 5): the policy leaves them nothing.
     */
    @Test
    void insidersComputeNothingUnderThePolicy() {
        long random = new Random().nextLong();
        List<Long> seeds = new ArrayList<>();
        for (long seed = 0; seed < 10; seed++) {
            seeds.add(seed);
        }
        seeds.add(random);
        int[] v2 = new int[2];
        int[] v3 = new int[2];
        for (long seed : seeds) {
            RateCube cube = smallCounties(seed);
            Set<Integer> before = DisclosureControl.hidden(DisclosureControl.linear(cube, 5));
            Set<Integer> after = DisclosureControl.hidden(DisclosureControl.apply(cube, 5));
            assertThat(after)
                    .as("seed %d: the policy hides at least what v2 does", seed)
                    .containsAll(before);
            v2[0] += before.size();
            v2[1] += insiders(cube, before).size();
            v3[0] += after.size();
            v3[1] += insiders(cube, after).size();
            assertThat(insiders(cube, after)).as("seed %d, insiders", seed).isEmpty();
            assertThat(SubtractionAttacker.derivable(after, cube.relations))
                    .as("seed %d", seed)
                    .isEmpty();
        }
        System.out.printf(
                "Insiders, k = 5, seeds 0-9 and %d: policy v2 hides %d cells, insiders compute %d of other"
                        + " municipalities; policy v4 hides %d, insiders compute %d%n",
                random, v2[0], v2[1], v3[0], v3[1]);
        assertThat(v2[1]).as("the insiders had something to find under v2").isGreaterThan(0);
    }

    /*
     * Settled cells across quarters (k = 5, 12-month retention): a cohort cell whose people have all passed twelve
     * months is the same in every later quarter. The same people as of 2025-12-31 (released first) and 2026-03-31: a
     * reader of both knows, in the second table, every settled cell the first one showed. Given them (as the publisher
     * gives them, with the settled cells the first release hid as cells to hide), the policy leaves nothing derivable
     * to that reader and shows nothing the first release hid; ignoring them, it does on some of seeds 0 to 19.
     */
    @Test
    void cellsKnownFromAnotherQuarterAreNoProtection() {
        NationalMeasure measure = NationalMeasure.RETENTION_12M;
        LocalDate later = LocalDate.parse("2026-03-31");
        int brokenWithout = 0;
        int knownCells = 0;
        for (long seed = 0; seed < 20; seed++) {
            RateCube first = smallCounties(seed, measure, AS_OF);
            DisclosureControl.Status[] released = DisclosureControl.apply(first, 5);
            RateCube second = smallCounties(seed, measure, later);
            Set<Integer> known = new HashSet<>();
            Set<Integer> forced = new HashSet<>();
            for (int cell = 0; cell < second.size(); cell++) {
                LocalDate settled = measure.settledFrom(second.categories.get(cell % second.categories.size()));
                int was = first.indexOf(second, cell);
                if (settled == null || settled.isAfter(AS_OF) || was < 0 || second.denominators[cell] == 0) {
                    continue;
                }
                assertThat(second.numerators[cell]).isEqualTo(first.numerators[was]);
                if (released[was].suppressed()) {
                    forced.add(cell);
                } else {
                    known.add(cell);
                }
            }
            knownCells += known.size();
            Status[] status = DisclosureControl.apply(second, 5, forced, known);
            Set<Integer> hidden = DisclosureControl.hidden(status);
            assertThat(hidden).as("seed %d: hidden before, hidden now", seed).containsAll(forced);
            hidden.removeAll(known);
            assertThat(SubtractionAttacker.derivable(hidden, second.relations))
                    .as("seed %d", seed)
                    .isEmpty();
            Set<Integer> without = DisclosureControl.hidden(DisclosureControl.apply(second, 5));
            boolean shownAgain = !without.containsAll(forced);
            without.removeAll(known);
            brokenWithout += shownAgain
                            || !SubtractionAttacker.derivable(without, second.relations)
                                    .isEmpty()
                    ? 1
                    : 0;
        }
        System.out.printf(
                "Settled cells across quarters, seeds 0-19: %d cells known from the first release; the policy ignoring"
                        + " them would be broken in %d of 20 second tables, given them in none%n",
                knownCells, brokenWithout);
        assertThat(brokenWithout).as("ignoring them breaks some table").isPositive();
    }

    /*
     * The three attackers against random populations (20 per run, 100 in the full proof; two counties of one or two municipalities, k = 5):
     * the outsider's elimination, each municipality's elimination with its own row added, and the interval attacker as
     * the outsider and as each municipality. Under policy v2 (the linear audit alone) they find cells to narrow or
     * compute; under the policy they find nothing. Counts are printed.
     */
    @Test
    void theAttackersFindNothingInRandomPopulations() {
        long first = new Random().nextLong();
        int[] before = new int[4];
        int[] after = new int[4];
        int hiddenBefore = 0;
        int hiddenAfter = 0;
        for (int i = 0; i < POPULATIONS; i++) {
            long seed = first + i;
            RateCube cube = randomCounties(seed);
            Set<Integer> v2 = DisclosureControl.hidden(DisclosureControl.linear(cube, 5));
            Set<Integer> now = DisclosureControl.hidden(DisclosureControl.apply(cube, 5));
            hiddenBefore += v2.size();
            hiddenAfter += now.size();
            int[] found = {
                SubtractionAttacker.derivable(now, cube.relations).size(),
                insiders(cube, now).size(),
                IntervalAttacker.narrowed(cube, now, 5).size(),
                IntervalAttacker.narrowedByInsiders(cube, now, 5).size()
            };
            for (int j = 0; j < found.length; j++) {
                after[j] += found[j];
            }
            assertThat(found)
                    .as("seed %d: linear, insiders, interval, interval insiders", seed)
                    .containsOnly(0);
            if (i < 20) {
                before[0] += SubtractionAttacker.derivable(v2, cube.relations).size();
                before[1] += insiders(cube, v2).size();
                before[2] += IntervalAttacker.narrowed(cube, v2, 5).size();
                before[3] += IntervalAttacker.narrowedByInsiders(cube, v2, 5).size();
            }
        }
        System.out.printf(
                "Attackers, %d random populations from seed %d, k = 5: policy v4 hides %d cells (v2 %d) and the"
                        + " attackers find %s (elimination, insiders' elimination, interval, insiders' interval); on the"
                        + " first 20 under policy v2 they find %s%n",
                POPULATIONS, first, hiddenAfter, hiddenBefore, Arrays.toString(after), Arrays.toString(before));
        assertThat(before[2] + before[3])
                .as("the interval attackers had something to find under v2")
                .isPositive();
    }

    /*
     * The audit's budget (IntervalAudit.Budget) bounds its work, and running out never opens a cell: what no optimum
     * showed to be k wide counts as narrowed and the table hides more. With a budget too small for most of these tables,
     * the audit stops at it and the three attackers still find nothing. The cells hidden are printed beside those the
     * full budget hides.
     */
    @Test
    void anAuditOutOfBudgetHidesMoreAndTheAttackersStillFindNothing() {
        long first = new Random().nextLong();
        int full = 0;
        int small = 0;
        int exhausted = 0;
        for (int i = 0; i < 10; i++) {
            long seed = first + i;
            RateCube cube = randomCounties(seed);
            IntervalAudit.Budget budget = new IntervalAudit.Budget(20);
            Set<Integer> hidden =
                    DisclosureControl.hidden(DisclosureControl.apply(cube, 5, Set.of(), Set.of(), budget));
            assertThat(budget.spent()).as("seed %d", seed).isLessThanOrEqualTo(20);
            exhausted += budget.exhausted() ? 1 : 0;
            full += DisclosureControl.hidden(DisclosureControl.apply(cube, 5)).size();
            small += hidden.size();
            assertThat(new int[] {
                        SubtractionAttacker.derivable(hidden, cube.relations).size(),
                        insiders(cube, hidden).size(),
                        IntervalAttacker.narrowed(cube, hidden, 5).size(),
                        IntervalAttacker.narrowedByInsiders(cube, hidden, 5).size()
                    })
                    .as("seed %d: linear, insiders, interval, interval insiders", seed)
                    .containsOnly(0);
        }
        System.out.printf(
                "Audit budget of 20 programs, 10 populations from seed %d: spent in %d; %d cells hidden (full budget"
                        + " %d)%n",
                first, exhausted, small, full);
        assertThat(exhausted).as("populations whose audit ran out of budget").isPositive();
    }

    /** Two counties of one or two municipalities with 2 to 25 participants each. */
    private static RateCube randomCounties(long seed) {
        return randomCounties(seed, NationalMeasure.STILL_HOUSED);
    }

    private static RateCube randomCounties(long seed, NationalMeasure measure) {
        Random random = new Random(seed);
        CodeList codes = counties(1 + random.nextInt(2), 1 + random.nextInt(2));
        List<Participation> people = new ArrayList<>();
        for (String municipality : codes.municipalities().keySet()) {
            int n = 2 + random.nextInt(24);
            boolean mixed = random.nextBoolean();
            for (int i = 0; i < n; i++) {
                String sex = mixed ? SEXES[random.nextInt(SEXES.length)] : null;
                people.add(randomPerson(random, municipality, sex, random.nextBoolean() ? 300 : 1000));
            }
        }
        return RateCube.build(codes, measure, people, AS_OF);
    }

    /** The hidden cells of other municipalities that some municipality, adding its own row, computes exactly. */
    static Set<Integer> insiders(RateCube cube, Set<Integer> hidden) {
        Set<Integer> found = new TreeSet<>();
        for (String region : cube.regions) {
            if (region.length() != 4) {
                continue;
            }
            Set<Integer> unknownToIt = new HashSet<>(hidden);
            for (int category = 0; category < cube.categories.size(); category++) {
                unknownToIt.remove(cube.cell(cube.regionIndex(region), category));
            }
            // only another municipality's cells count: a county of one municipality is the insider's own
            for (int cell : SubtractionAttacker.derivable(unknownToIt, cube.relations)) {
                String of = cube.regions.get(cell / cube.categories.size());
                if (of.length() == 4 && !of.equals(region)) {
                    found.add(cell);
                }
            }
        }
        return found;
    }

    /*
     * The attacker is not blind: in the hand-worked county (k = 3) the hidden cells are linked to the published
     * county total and nothing confines them to fewer than 3 values.
     */
    @Test
    void theIntervalAttackerFindsNothingWhereRangesAreWide() {
        RateCube cube = handWorkedCube();
        Set<Integer> hidden = DisclosureControl.hidden(DisclosureControl.apply(cube, 3));
        assertThat(IntervalAttacker.narrowed(cube, hidden, 3)).isEmpty();
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
    @RepeatedTest(10)
    void noSuppressedCellCanBeDerivedInRandomTables() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        CodeList codes = counties(4, 3);
        List<String> municipalities = List.copyOf(codes.municipalities().keySet());
        List<Participation> people = new ArrayList<>();
        int n = 20 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            String municipality = municipalities.get(random.nextInt(random.nextInt(municipalities.size()) + 1));
            people.add(randomPerson(random, municipality, SEXES[random.nextInt(SEXES.length)], 1000));
        }
        assertProtected(
                RateCube.build(codes, NationalMeasure.STILL_HOUSED, people, AS_OF), 3 + random.nextInt(4), seed);
    }

    /*
     * Small counties of one municipality each, often with no sex stated, beside a larger mixed county (the shape of a
     * national table early in a strategy period). Hidden cells then form chains across nation, counties and breakdowns
     * in which every relation has two hidden cells and yet one of them can be computed.
     */
    @RepeatedTest(10)
    void noSuppressedCellCanBeDerivedWhenCountiesHaveOneMunicipality() {
        long seed = new Random().nextLong();
        assertProtected(smallCounties(seed), 5, seed);
    }

    /*
     * The attacker is real here too: over the populations of seeds 0 to 99, the rule of two alone (policy v1) leaves a
     * hidden cell computable in many tables; the audit closes every one by hiding more, never fewer.
     */
    @Test
    void theRuleOfTwoAloneIsBrokenByTheAttacker() {
        int broken = 0;
        for (long seed = 0; seed < 100; seed++) {
            RateCube cube = smallCounties(seed);
            Set<Integer> ruleOfTwo = DisclosureControl.hidden(DisclosureControl.ruleOfTwo(cube, 5));
            Set<Integer> audited = DisclosureControl.hidden(DisclosureControl.linear(cube, 5));

            broken += SubtractionAttacker.derivable(ruleOfTwo, cube.relations).isEmpty() ? 0 : 1;
            assertThat(SubtractionAttacker.derivable(audited, cube.relations))
                    .as("seed %d", seed)
                    .isEmpty();
            assertThat(audited).containsAll(ruleOfTwo);
        }
        assertThat(broken).isGreaterThan(5);
    }

    private static RateCube smallCounties(long seed) {
        return smallCounties(seed, NationalMeasure.STILL_HOUSED, AS_OF);
    }

    private static RateCube smallCounties(long seed, NationalMeasure measure, LocalDate asOf) {
        Random random = new Random(seed);
        int[] sizes = new int[3 + random.nextInt(6)];
        Arrays.fill(sizes, 1);
        sizes[0] = 2;
        CodeList codes = counties(sizes);
        List<Participation> people = new ArrayList<>();
        for (String municipality : codes.municipalities().keySet()) {
            boolean large = municipality.startsWith("01");
            int n = 2 + random.nextInt(large ? 60 : 9);
            boolean mixed = random.nextInt(3) == 0 || large;
            for (int i = 0; i < n; i++) {
                String sex = mixed ? SEXES[random.nextInt(SEXES.length)] : null;
                people.add(randomPerson(random, municipality, sex, random.nextBoolean() ? 300 : 1000));
            }
        }
        return RateCube.build(codes, measure, people, asOf);
    }

    /** Moved in within {@code days} of 2023-01-01, housed four times in five, birth year unknown one time in ten. */
    private static Participation randomPerson(Random random, String municipality, String sex, int days) {
        return person(
                municipality,
                sex,
                random.nextInt(10) == 0 ? null : 1950 + random.nextInt(50),
                LocalDate.parse("2023-01-01").plusDays(random.nextInt(days)),
                random.nextInt(5) > 0);
    }

    /** Every published cell passes the threshold and the attacker derives no hidden one. */
    private static void assertProtected(RateCube cube, int k, long seed) {
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
        assertThat(SubtractionAttacker.derivable(DisclosureControl.hidden(status), cube.relations))
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
        return new Participation(null, municipality, sex, birthYear, null, List.of(spell));
    }

    private static CodeList county(int municipalities) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 1; i <= municipalities; i++) {
            names.put("010" + i, "M" + i);
        }
        return new CodeList("SE", "Sweden", "TEST", "test", Map.of("01", "County 01"), names);
    }

    /** Counties 01, 02, ... with the given numbers of municipalities (0101, 0102, ..., 0201, ...). */
    private static CodeList counties(int... municipalities) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> counties = new LinkedHashMap<>();
        for (int c = 1; c <= municipalities.length; c++) {
            String county = String.format("%02d", c);
            counties.put(county, "County " + county);
            for (int m = 1; m <= municipalities[c - 1]; m++) {
                names.put(county + String.format("%02d", m), "M" + county + m);
            }
        }
        return new CodeList("SE", "Sweden", "TEST", "test", counties, names);
    }
}
