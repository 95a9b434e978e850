package org.housingfirst.outcomes.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.contracts.geography.CodeLists;
import org.housingfirst.outcomes.figures.FigureCache;
import org.housingfirst.outcomes.figures.Releases;
import org.housingfirst.outcomes.projection.EventLog;
import org.housingfirst.outcomes.statistics.DisclosureControl.Status;
import org.springframework.stereotype.Component;

/**
 * The national tables: one per measure and country, by region, breakdown and quarter. Counted from everything stored,
 * for a release to protect and freeze; counts are kept until another event is stored ({@link FigureCache}). Nobody
 * reads them unreleased.
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
     * @param release the release that froze it, or null for a table computed now
     */
    record Table(
            Definition definition,
            Quarter period,
            Instant knownAt,
            Instant firstRelease,
            RateCube cube,
            Status[] status,
            String[] revision,
            Release release) {}

    private record Counted(RateCube cube) implements FigureCache.Weighed {
        @Override
        public int weight() {
            return cube.size();
        }
    }

    private static final List<String> COUNTRIES = List.of("SE", "NO");

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

    /** The countries with national tables. */
    List<String> countries() {
        return COUNTRIES;
    }

    List<Definition> definitions() {
        List<Definition> definitions = new ArrayList<>();
        COUNTRIES.forEach(country -> definitions.addAll(definitions(country)));
        return definitions;
    }

    /** One country's tables, in table id order. */
    List<Definition> definitions(String country) {
        CodeList list = codeLists.of(country).orElseThrow();
        List<Definition> definitions = new ArrayList<>();
        for (NationalMeasure measure : NationalMeasure.values()) {
            definitions.add(new Definition(measure.code() + "_" + country, measure, list));
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

    /**
     * A table's counts with every event stored so far, before disclosure control: what a release protects and freezes
     * ({@link Publisher}).
     */
    RateCube cube(Definition definition, Quarter period) {
        long version = eventLog.latest();
        String country = definition.codeList().country();
        return cache.get(key(definition.codeList(), definition.id() + "|" + period.code(), version), () -> {
                    if (definition.measure().kind() == NationalMeasure.Kind.PROGRAMMES) {
                        return new Counted(RateCube.build(
                                definition.codeList(),
                                Breakdowns.programmeCategories(),
                                facts.programmes(country, period.lastDay(), null),
                                true,
                                definition.measure().averaged()));
                    }
                    if (definition.measure().kind() == NationalMeasure.Kind.ENROLMENTS) {
                        return new Counted(RateCube.build(
                                definition.codeList(),
                                Breakdowns.enrolmentCategories(country),
                                facts.enrolments(country, period, null),
                                true));
                    }
                    List<Participation> participations = cache.get(
                            key(definition.codeList(), "participations|" + period.code(), version),
                            () -> facts.national(country, period.lastDay(), null));
                    if (definition.measure().kind() == NationalMeasure.Kind.QUALITY_OF_LIFE) {
                        return new Counted(qualityOfLife(definition, period, participations));
                    }
                    Circumstances circumstances = definition.measure().needsCircumstances()
                            ? cache.get(
                                    key(definition.codeList(), "circumstances|" + period.code(), version),
                                    () -> facts.circumstances(country, period, null))
                            : null;
                    return new Counted(RateCube.build(
                            definition.codeList(),
                            definition.measure(),
                            participations,
                            period.lastDay(),
                            circumstances));
                })
                .cube();
    }

    /**
     * A quality-of-life table: each housed person (the unit and attribution of the other tables) with a baseline and a
     * 12-month follow-up of the instrument by the reference date and every score of the table in both, counted with the
     * changes of those scores.
     */
    private RateCube qualityOfLife(Definition definition, Quarter period, List<Participation> participations) {
        NationalMeasure measure = definition.measure();
        Map<String, Map<String, Double>> changes =
                facts.qualityOfLife(definition.codeList().country(), measure.instrument(), period.lastDay(), null);
        return RateCube.build(
                definition.codeList(),
                participations,
                participation -> {
                    Map<String, Double> change = changes.get(participation.person());
                    return change == null || !change.keySet().containsAll(measure.averaged())
                            ? null
                            : new RateCube.Unit(
                                    participation.municipality(), Breakdowns.of(participation), false, change);
                },
                true,
                measure.averaged());
    }

    /** National tables change with any stored event: their scope is everything. */
    private static FigureCache.Key key(CodeList list, String figure, long version) {
        return new FigureCache.Key(list.country(), figure, "latest", version);
    }
}
