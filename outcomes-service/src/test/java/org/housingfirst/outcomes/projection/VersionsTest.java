package org.housingfirst.outcomes.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VersionsTest {

    private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-01T10:00:00Z");

    /* A tenancy's end recorded on 1 March arrives first; its start, recorded on 1 January, arrives later. */
    @Test
    void aFactRecordedEarlierThanTheRowsFirstVersionOpensAnEarlierVersionAndJoinsTheLaterOne() {
        List<Version<TreeSet<String>>> versions = Versions.record(List.of(), T3, add("ended"), null);
        assertThat(versions).containsExactly(new Version<>(T3, null, set("ended")));

        versions = Versions.record(versions, T1, add("started"), null);

        assertThat(versions)
                .containsExactly(
                        new Version<>(T1, T3, set("started")), new Version<>(T3, null, set("ended", "started")));
    }

    /* A correction recorded on 1 February arrives after the 1 March fact: the version spanning it is split. */
    @Test
    void aFactRecordedInsideAVersionSplitsIt() {
        List<Version<TreeSet<String>>> versions = Versions.record(List.of(), T1, add("a"), null);
        versions = Versions.record(versions, T3, add("c"), null);

        versions = Versions.record(versions, T2, add("b"), null);

        assertThat(versions)
                .containsExactly(
                        new Version<>(T1, T2, set("a")),
                        new Version<>(T2, T3, set("a", "b")),
                        new Version<>(T3, null, set("a", "b", "c")));
    }

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long seed = 0; seed < 300; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }

    /*
     * Property: whatever order facts arrive in, and however many share an instant, the versions are the same, they
     * are contiguous, and the state of each is exactly the facts recorded at or before its start.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void versionsDependOnlyOnTheSetOfFactsNotOnTheirArrival(long seed) {
        Random random = new Random(seed);
        List<Instant> instants = List.of(T1, T1.plusSeconds(1), T2, T2.plusNanos(1000), T3);
        List<Object[]> facts = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            facts.add(new Object[] {instants.get(random.nextInt(instants.size())), "f" + i});
        }
        List<Version<TreeSet<String>>> inOrder = apply(sorted(facts));
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            List<Object[]> arrival = new ArrayList<>(facts);
            Collections.shuffle(arrival, random);
            assertThat(apply(arrival)).as("seed %d", seed).isEqualTo(inOrder);
        }
        for (int i = 0; i < inOrder.size(); i++) {
            Version<TreeSet<String>> v = inOrder.get(i);
            assertThat(v.to())
                    .isEqualTo(i + 1 < inOrder.size() ? inOrder.get(i + 1).from() : null);
            TreeSet<String> known = new TreeSet<>();
            facts.stream().filter(f -> !((Instant) f[0]).isAfter(v.from())).forEach(f -> known.add((String) f[1]));
            assertThat(v.state()).as("seed %d, version from %s", seed, v.from()).isEqualTo(known);
        }
    }

    private static List<Version<TreeSet<String>>> apply(List<Object[]> facts) {
        List<Version<TreeSet<String>>> versions = List.of();
        for (Object[] f : facts) {
            versions = Versions.record(versions, (Instant) f[0], add((String) f[1]), null);
        }
        return versions;
    }

    private static List<Object[]> sorted(List<Object[]> facts) {
        List<Object[]> sorted = new ArrayList<>(facts);
        sorted.sort((a, b) -> ((Instant) a[0]).compareTo((Instant) b[0]));
        return sorted;
    }

    private static UnaryOperator<TreeSet<String>> add(String fact) {
        return state -> {
            TreeSet<String> next = state == null ? new TreeSet<>() : new TreeSet<>(state);
            next.add(fact);
            return next;
        };
    }

    private static TreeSet<String> set(String... facts) {
        return new TreeSet<>(List.of(facts));
    }
}
