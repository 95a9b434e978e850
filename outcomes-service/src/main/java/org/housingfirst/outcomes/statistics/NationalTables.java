package org.housingfirst.outcomes.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.contracts.geography.CodeLists;
import org.housingfirst.outcomes.figures.FigureCache;
import org.housingfirst.outcomes.figures.Releases;
import org.housingfirst.outcomes.figures.Revision;
import org.housingfirst.outcomes.projection.EventLog;
import org.housingfirst.outcomes.statistics.DisclosureControl.Status;
import org.springframework.stereotype.Component;

/**
 * The national tables: one per measure and country, by region, breakdown and quarter, with disclosure control and
 * revision status applied. A computed table is kept until another event is stored ({@link FigureCache}).
 */
@Component
class NationalTables {

    /** A table's identity: {@code HF02_SE} is 12-month retention in Sweden. */
    record Definition(String id, NationalMeasure measure, CodeList codeList) {}

    /**
     * One table for one quarter as known at an instant.
     *
     * @param status per cell: published, no participants, or suppressed
     * @param revision per cell: "p" while provisional (known before the first release), "r" when it differs from the
     *     first release, null otherwise
     */
    record Table(
            Definition definition,
            Quarter period,
            Instant knownAt,
            Instant firstRelease,
            RateCube cube,
            Status[] status,
            String[] revision) {}

    private record Computed(RateCube cube, Status[] status) implements FigureCache.Weighed {
        @Override
        public int weight() {
            return cube.size();
        }
    }

    private final Participations facts;
    private final CodeLists codeLists;
    private final StatisticsProperties properties;
    private final FigureCache cache;
    private final EventLog eventLog;
    private final Releases releases;
    private final Clock clock;

    NationalTables(
            Participations facts,
            CodeLists codeLists,
            StatisticsProperties properties,
            FigureCache cache,
            EventLog eventLog,
            Releases releases,
            Clock clock) {
        this.facts = facts;
        this.codeLists = codeLists;
        this.properties = properties;
        this.cache = cache;
        this.eventLog = eventLog;
        this.releases = releases;
        this.clock = clock;
    }

    List<Definition> definitions() {
        List<Definition> definitions = new ArrayList<>();
        for (String country : List.of("SE", "NO")) {
            CodeList list = codeLists.of(country).orElseThrow();
            for (NationalMeasure measure : NationalMeasure.values()) {
                definitions.add(new Definition(measure.code() + "_" + country, measure, list));
            }
        }
        return definitions;
    }

    Optional<Definition> definition(String id) {
        return definitions().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Quarters offered: from the configured first one through the last completed quarter. */
    List<Quarter> periods() {
        Quarter last = Quarter.containing(LocalDate.now(clock)).previous();
        return Quarter.range(Quarter.parse(properties.firstPeriod()), last);
    }

    Instant firstRelease(Quarter period) {
        return releases.firstRelease(period.lastDay());
    }

    int threshold() {
        return properties.k();
    }

    /** The table as known at {@code knownAt}, or with every event stored so far when it is null. */
    Table table(Definition definition, Quarter period, Instant knownAt) {
        long version = eventLog.latest();
        Instant asKnown = knownAt == null ? clock.instant() : knownAt;
        Computed current = computed(definition, period, knownAt, version);
        Instant release = firstRelease(period);
        Computed[] first = new Computed[1];
        String[] revision = new String[current.status().length];
        for (int cell = 0; cell < revision.length; cell++) {
            if (current.status()[cell] != Status.PUBLISHED) {
                continue;
            }
            int c = cell;
            revision[cell] = Revision.of(asKnown, release, () -> {
                        if (first[0] == null) {
                            first[0] = computed(definition, period, release, version);
                        }
                        return !revised(current, first[0], c);
                    })
                    .status();
        }
        return new Table(definition, period, asKnown, release, current.cube(), current.status(), revision);
    }

    private static boolean revised(Computed now, Computed first, int cell) {
        int firstCell = first.cube().indexOf(now.cube(), cell);
        return firstCell < 0
                || first.status()[firstCell] != Status.PUBLISHED
                || first.cube().numerators[firstCell] != now.cube().numerators[cell]
                || first.cube().denominators[firstCell] != now.cube().denominators[cell];
    }

    private Computed computed(Definition definition, Quarter period, Instant knownAt, long version) {
        return kept(definition.codeList(), definition.id() + "|" + period.code(), knownAt, version, () -> {
            List<Participation> participations = participations(definition.codeList(), period, knownAt, version);
            RateCube cube =
                    RateCube.build(definition.codeList(), definition.measure(), participations, period.lastDay());
            return new Computed(cube, DisclosureControl.apply(cube, properties.k()));
        });
    }

    private List<Participation> participations(CodeList list, Quarter period, Instant knownAt, long version) {
        return kept(
                list,
                "participations|" + period.code(),
                knownAt,
                version,
                () -> facts.national(list.country(), period.lastDay(), knownAt));
    }

    /**
     * Everything stored: kept until any event is stored. As known at an instant: kept until an event recorded before it
     * arrives late.
     */
    private <T> T kept(CodeList list, String figure, Instant knownAt, long version, Supplier<T> compute) {
        if (knownAt == null) {
            return cache.get(key(list, figure, null, version), compute);
        }
        return cache.getAsKnownAt(
                key(list, figure, knownAt, 0),
                version,
                since -> eventLog.recordedBeforeStoredSince(list.country(), null, knownAt, since),
                compute);
    }

    /** National tables change with any stored event: their scope is everything. */
    private static FigureCache.Key key(CodeList list, String figure, Instant knownAt, long version) {
        return new FigureCache.Key(list.country(), figure, knownAt == null ? "latest" : knownAt.toString(), version);
    }
}
