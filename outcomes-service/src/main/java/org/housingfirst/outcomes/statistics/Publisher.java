package org.housingfirst.outcomes.statistics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.housingfirst.outcomes.figures.Releases;
import org.housingfirst.outcomes.projection.EventLog;
import org.housingfirst.outcomes.statistics.DisclosureControl.Status;
import org.housingfirst.outcomes.statistics.NationalTables.Definition;
import org.housingfirst.outcomes.statistics.NationalTables.Table;
import org.housingfirst.outcomes.statistics.ReleaseStore.Cells;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the national tables as releases on the calendar ({@link Releases}): a quarter's first release once its
 * release lag has passed, and a revision of a quarter still open for revision when its published cells would change.
 * Runs on a schedule and when an operator asks. Each release is computed from everything stored at that moment, then
 * frozen ({@link ReleaseStore}).
 */
@Component
class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NationalTables tables;
    private final ReleaseStore store;
    private final Releases calendar;
    private final EventLog eventLog;
    private final StatisticsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Publisher(
            NationalTables tables,
            ReleaseStore store,
            Releases calendar,
            EventLog eventLog,
            StatisticsProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.tables = tables;
        this.store = store;
        this.calendar = calendar;
        this.eventLog = eventLog;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${platform.statistics.publication-cron:0 0 6 * * *}", zone = "${platform.time-zone}")
    void onSchedule() {
        List<Release> published = publish();
        if (!published.isEmpty()) {
            LOG.info(
                    "published {} statistics releases: {}",
                    published.size(),
                    published.stream().map(Release::id).toList());
        }
    }

    /** Publishes what is due now: first releases whose date has passed, and revisions. Returns what it published. */
    synchronized List<Release> publish() {
        Instant now = clock.instant();
        List<Quarter> due = tables.periods().stream()
                .filter(q -> !calendar.firstRelease(q.lastDay()).isAfter(now))
                .toList();
        List<Quarter> revisable = due.subList(Math.max(0, due.size() - properties.revisableQuarters()), due.size());
        long version = eventLog.latest();
        Released released = new Released(store.all());
        List<Release> published = new ArrayList<>();
        for (String country : tables.countries()) {
            for (Quarter period : due) {
                List<Release> earlier = released.of(country, period);
                if (!earlier.isEmpty()
                        && (!revisable.contains(period) || earlier.getLast().eventVersion() == version)) {
                    continue;
                }
                publish(country, period, earlier, released, version, now).ifPresent(release -> {
                    published.add(release);
                    released.add(release);
                });
            }
        }
        return published;
    }

    /**
     * A country's tables for a completed quarter that has no release yet, as of every event stored so far: protected
     * as its first release would be if published now, against every release already public, with every cell marked
     * "p", provisional. Nothing is stored; the figures are for the roles that read statistics, never for the public
     * (PxWebApiController).
     */
    List<Table> provisional(String country, Quarter period) {
        Released released = new Released(store.all());
        if (!released.of(country, period).isEmpty()) {
            throw new IllegalArgumentException(country + " " + period.code() + " is released");
        }
        List<Release> others = released.besides(country, period);
        Instant now = clock.instant();
        List<Table> provisional = new ArrayList<>();
        for (Definition definition : tables.definitions(country)) {
            Table computed = protect(definition, period, tables.cube(definition, period), List.of(), others, released);
            String[] marks = new String[computed.status().length];
            java.util.Arrays.fill(marks, "p");
            provisional.add(new Table(
                    definition,
                    period,
                    now,
                    tables.firstRelease(period),
                    computed.cube(),
                    computed.status(),
                    marks,
                    null));
        }
        return provisional;
    }

    /**
     * The releases public when a run starts, and those it publishes, with their cells read once each: a run compares
     * every table with every other release of its country.
     */
    private final class Released {

        private final List<Release> releases;
        private final Map<String, Optional<Cells>> cells = new HashMap<>();
        private final Map<String, RateCube> cubes = new HashMap<>();

        Released(List<Release> releases) {
            this.releases = new ArrayList<>(releases);
        }

        void add(Release release) {
            releases.add(release);
        }

        /** The releases of one period, first release first. */
        List<Release> of(String country, Quarter period) {
            return releases.stream()
                    .filter(r -> r.country().equals(country) && r.period().equals(period))
                    .sorted(java.util.Comparator.comparingInt(Release::sequence))
                    .toList();
        }

        /** The releases of a country's other periods. */
        List<Release> besides(String country, Quarter period) {
            return releases.stream()
                    .filter(r -> r.country().equals(country) && !r.period().equals(period))
                    .toList();
        }

        /** A table's cells in a release, or null when the release does not hold it. */
        Cells cells(Release release, Definition table) {
            return cells.computeIfAbsent(release.id() + "/" + table.id(), key -> store.cells(release.id(), table.id()))
                    .orElse(null);
        }

        /** The cube of a table's cells in a release (see {@link #cells}), with its relations. */
        RateCube cube(Release release, Definition table) {
            return cubes.computeIfAbsent(
                    release.id() + "/" + table.id(),
                    key -> cells(release, table).cube(table));
        }
    }

    private Optional<Release> publish(
            String country, Quarter period, List<Release> earlier, Released released, long version, Instant now) {
        List<Definition> definitions = tables.definitions(country);
        List<RateCube> counted = definitions.stream()
                .map(definition -> tables.cube(definition, period))
                .toList();
        if (!earlier.isEmpty()) {
            boolean same = true;
            for (int i = 0; i < definitions.size(); i++) {
                same &= sameCounts(counted.get(i), released.cells(earlier.getLast(), definitions.get(i)));
            }
            if (same) {
                // no count changed: a revision is for changed figures, not for a pattern other releases would change
                return Optional.empty();
            }
        }
        List<Release> others = released.besides(country, period);
        List<Table> computed = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            computed.add(protect(definitions.get(i), period, counted.get(i), earlier, others, released));
        }
        int sequence = earlier.size() + 1;
        String id = Release.id(country, period, sequence);
        Instant firstPublished = earlier.isEmpty() ? now : earlier.getFirst().publishedAt();
        int changed = 0;
        int changedTables = 0;
        List<String[]> revisions = new ArrayList<>();
        for (Table table : computed) {
            String[] revision = new String[table.status().length];
            if (!earlier.isEmpty()) {
                int differing = differing(table, released, earlier.getLast(), null);
                changed += differing;
                changedTables += differing > 0 ? 1 : 0;
                differing(table, released, earlier.getFirst(), revision);
            }
            revisions.add(revision);
        }
        if (!earlier.isEmpty() && changed == 0) {
            return Optional.empty();
        }
        String note = earlier.isEmpty()
                ? "First release of " + period.code() + "."
                : "Revision " + (sequence - 1) + " of " + period.code() + ": " + changed + " cells in " + changedTables
                        + " tables differ from release " + earlier.getLast().id()
                        + ", after events recorded or corrected since; r marks cells that differ from the first"
                        + " release.";
        Release release = new Release(
                id,
                country,
                period,
                sequence,
                now,
                version,
                DisclosureControl.policy(tables.threshold()),
                definitions.getFirst().codeList().version(),
                note);
        List<ReleaseStore.Row> rows = new ArrayList<>();
        for (int i = 0; i < computed.size(); i++) {
            Table computedTable = computed.get(i);
            Table table = new Table(
                    computedTable.definition(),
                    period,
                    now,
                    firstPublished,
                    computedTable.cube(),
                    computedTable.status(),
                    revisions.get(i),
                    release);
            TableDocuments.Data data = TableDocuments.whole(table, tables.threshold());
            rows.add(new ReleaseStore.Row(
                    table.definition().id(),
                    table.definition().measure().definitionVersion(),
                    new ReleaseStore.Cells(
                            table.cube().regions,
                            table.cube().categories,
                            table.cube().numerators,
                            table.cube().denominators,
                            table.status(),
                            table.revision(),
                            table.cube().unlisted,
                            table.cube().sums,
                            table.cube().squares),
                    JSON.writeValueAsBytes(TableDocuments.jsonStat(data, true)),
                    TableDocuments.csv(data).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            transactions.executeWithoutResult(tx -> store.insert(release, rows));
        } catch (DuplicateKeyException another) {
            // another instance published this release first; it stays as that one froze it
            return Optional.empty();
        }
        return Optional.of(release);
    }

    /**
     * Protection against what other releases tell (policy v4). Whatever is published now stands beside every release
     * already public, so:
     *
     * <ul>
     *   <li>Differencing of revisions: a cell whose numerator, denominator or complement differs from its shown value
     *       in an earlier release of the same quarter by fewer than k persons (but not zero) would show those few
     *       people's changes by subtraction; it is hidden whatever its counts. A cell absent from an earlier release
     *       was a published zero there.
     *   <li>Settled cells across quarters: a cohort cell settled in this quarter and in another released one
     *       ({@link NationalMeasure#settledFrom}) holds the same people in both. Shown there with the same counts,
     *       every reader knows it, and the audit treats it as known; hidden wherever it was released, it stays hidden
     *       here.
     * </ul>
     */
    private Table protect(
            Definition definition,
            Quarter period,
            RateCube cube,
            List<Release> earlier,
            List<Release> others,
            Released released) {
        int k = tables.threshold();
        Set<Integer> forced = new HashSet<>();
        Set<Integer> known = new HashSet<>();
        for (Release release : earlier) {
            Cells cells = released.cells(release, definition);
            if (cells != null) {
                forced.addAll(differencing(cube, released.cube(release, definition), cells.status(), k));
            }
        }
        NationalMeasure measure = definition.measure();
        for (Release release : others) {
            LocalDate both = release.period().lastDay().isBefore(period.lastDay())
                    ? release.period().lastDay()
                    : period.lastDay();
            Cells cells = released.cells(release, definition);
            if (cells == null) {
                continue;
            }
            RateCube then = released.cube(release, definition);
            for (int cell = 0; cell < cube.size(); cell++) {
                LocalDate settled = measure.settledFrom(cube.categories.get(cell % cube.categories.size()));
                int was = then.indexOf(cube, cell);
                if (settled == null || settled.isAfter(both) || was < 0 || cube.denominators[cell] == 0) {
                    continue;
                }
                if (cells.status()[was].suppressed()) {
                    forced.add(cell);
                } else if (cube.numerators[cell] == then.numerators[was]
                        && cube.denominators[cell] == then.denominators[was]) {
                    known.add(cell);
                }
            }
        }
        // a value shown anywhere is public: shown with these counts in one release, a settled cell is known even if
        // another release hid it
        forced.removeAll(known);
        return new Table(
                definition,
                period,
                null,
                null,
                cube,
                DisclosureControl.apply(cube, k, forced, known),
                new String[cube.size()],
                null);
    }

    /**
     * The cells of {@code cube} whose numerator, denominator or complement differs from its shown value in an earlier
     * release of the same quarter ({@code then}) by fewer than k persons, but not by none: subtraction would show
     * those few people's changes. A cell absent from the earlier release was a published zero there.
     */
    static Set<Integer> differencing(RateCube cube, RateCube then, Status[] shown, int k) {
        Set<Integer> forced = new HashSet<>();
        for (int cell = 0; cell < cube.size(); cell++) {
            int was = then.indexOf(cube, cell);
            if (was >= 0 && shown[was].suppressed()) {
                continue;
            }
            long n = was < 0 ? 0 : then.numerators[was];
            long d = was < 0 ? 0 : then.denominators[was];
            if (small(cube.numerators[cell] - n, k)
                    || small(cube.denominators[cell] - d, k)
                    || small((cube.denominators[cell] - cube.numerators[cell]) - (d - n), k)) {
                forced.add(cell);
            }
        }
        return forced;
    }

    private static boolean sameCounts(RateCube cube, Cells cells) {
        return cells != null
                && cells.regions().equals(cube.regions)
                && cells.categories().equals(cube.categories)
                && java.util.Arrays.equals(cells.numerators(), cube.numerators)
                && java.util.Arrays.equals(cells.denominators(), cube.denominators)
                && cells.sums().keySet().equals(cube.sums.keySet())
                && cube.sums.entrySet().stream()
                        .allMatch(sum -> java.util.Arrays.equals(cells.sums().get(sum.getKey()), sum.getValue()));
    }

    /** Whether a cell of a table of means has the same sums of values as a cell of an earlier release. */
    private static boolean sameSums(RateCube cube, int cell, RateCube then, int earlier) {
        for (Map.Entry<String, double[]> sum : cube.sums.entrySet()) {
            double[] before = then.sums.get(sum.getKey());
            if (before == null || before[earlier] != sum.getValue()[cell]) {
                return false;
            }
        }
        return true;
    }

    private static boolean small(long change, int k) {
        return change != 0 && Math.abs(change) < k;
    }

    /**
     * How many cells of a computed table differ from a released one as published: shown against hidden, or other
     * counts, or present in one and not the other. Marks each differing cell of the computed table "r" when
     * {@code marks} is given.
     */
    private static int differing(Table table, Released releases, Release release, String[] marks) {
        Cells released = releases.cells(release, table.definition());
        if (released == null) {
            return table.status().length;
        }
        RateCube cube = table.cube();
        RateCube then = releases.cube(release, table.definition());
        int differing = 0;
        boolean[] matched = new boolean[then.size()];
        for (int cell = 0; cell < cube.size(); cell++) {
            int earlier = then.indexOf(cube, cell);
            Status now = table.status()[cell];
            boolean same;
            if (earlier < 0) {
                same = now == Status.NO_PARTICIPANTS;
            } else {
                matched[earlier] = true;
                Status was = released.status()[earlier];
                same = now.suppressed() || was.suppressed()
                        ? now.suppressed() == was.suppressed()
                        : cube.numerators[cell] == then.numerators[earlier]
                                && cube.denominators[cell] == then.denominators[earlier]
                                && sameSums(cube, cell, then, earlier);
            }
            if (!same) {
                differing++;
                if (marks != null && now == Status.PUBLISHED) {
                    marks[cell] = "r";
                }
            }
        }
        for (int cell = 0; cell < matched.length; cell++) {
            if (!matched[cell] && released.status()[cell] != Status.NO_PARTICIPANTS) {
                differing++;
            }
        }
        return differing;
    }
}
