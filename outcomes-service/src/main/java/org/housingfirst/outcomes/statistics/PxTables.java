package org.housingfirst.outcomes.statistics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.outcomes.projection.EventLog;
import org.housingfirst.outcomes.statistics.NationalTables.Definition;
import org.housingfirst.outcomes.statistics.NationalTables.Table;
import org.springframework.stereotype.Component;

/**
 * The national tables as one caller may read them through PxWebApi 2.0: every released quarter, each from its newest
 * release, and, for the roles that read statistics, the completed quarters not yet released, computed now and marked
 * provisional. The public never sees a provisional figure.
 */
@Component
class PxTables {

    /**
     * The quarters of one table a caller may read, oldest first, and which of them are provisional. A provisional
     * quarter's entry in {@code periods} holds its counts only, enough for metadata and defaults; its figures are
     * protected only when served ({@link #served}), as protecting them runs the whole disclosure control.
     */
    record View(
            Definition definition,
            Map<String, Table> periods,
            List<String> provisional,
            java.util.function.Function<String, Table> protectedProvisional) {

        /** The table a quarter's figures are served from: its release, or its provisional figures protected now. */
        Table served(String code) {
            return provisional.contains(code) ? protectedProvisional.apply(code) : periods.get(code);
        }

        boolean isEmpty() {
            return periods.isEmpty();
        }

        Table latest() {
            return periods.values().stream().reduce((a, b) -> b).orElseThrow();
        }

        /** When its figures last changed: the newest release, or now for provisional ones. */
        Instant updated() {
            return periods.values().stream()
                    .map(Table::knownAt)
                    .max(Instant::compareTo)
                    .orElse(null);
        }
    }

    private final NationalTables tables;
    private final ReleaseStore releases;
    private final Publisher publisher;
    private final EventLog eventLog;
    private final java.time.Clock clock;
    private final Cache<String, List<Table>> provisional =
            Caffeine.newBuilder().maximumSize(32).build();

    PxTables(
            NationalTables tables,
            ReleaseStore releases,
            Publisher publisher,
            EventLog eventLog,
            java.time.Clock clock) {
        this.clock = clock;
        this.tables = tables;
        this.releases = releases;
        this.publisher = publisher;
        this.eventLog = eventLog;
    }

    List<Definition> definitions() {
        return tables.definitions();
    }

    Definition definition(String id) {
        return tables.definitions().stream()
                .filter(d -> d.id().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> RuleViolation.unknown("id", "no such table"));
    }

    int threshold() {
        return tables.threshold();
    }

    /**
     * What one request reads of the releases, read once: per country, the completed quarters without a release, and
     * per table the newest release of each period that holds it.
     */
    record Catalogue(Map<String, List<Quarter>> unreleased, Map<String, List<Release>> released) {

        List<Release> of(Definition definition) {
            return released.getOrDefault(definition.id(), List.of());
        }

        List<Quarter> unreleased(Definition definition) {
            return unreleased.get(definition.codeList().country());
        }
    }

    /** The releases as they stand now, for one request. */
    Catalogue catalogue() {
        Map<String, List<Quarter>> unreleased = new java.util.HashMap<>();
        Map<String, List<Release>> released = new java.util.HashMap<>();
        for (String country : tables.countries()) {
            unreleased.put(country, unreleased(releases.current(country)));
            released.putAll(releases.currentByTable(country));
        }
        return new Catalogue(unreleased, released);
    }

    /** The quarters a caller may read: released ones, and provisional ones when {@code withProvisional}. */
    View view(Catalogue catalogue, Definition definition, boolean withProvisional) {
        Map<String, Table> periods = new LinkedHashMap<>();
        for (Release release : catalogue.of(definition)) {
            Instant firstPublished = release.sequence() == 1
                    ? release.publishedAt()
                    : releases.of(release.country(), release.period())
                            .getFirst()
                            .publishedAt();
            ReleaseStore.Cells cells = releases.cells(release.id(), definition.id())
                    .orElseThrow(() -> new IllegalStateException(release.id() + " lacks " + definition.id()));
            periods.put(
                    release.period().code(),
                    new Table(
                            definition,
                            release.period(),
                            release.publishedAt(),
                            firstPublished,
                            cells.cube(definition),
                            cells.status(),
                            cells.revision(),
                            release));
        }
        List<String> provisionalCodes = new ArrayList<>();
        if (withProvisional) {
            for (Quarter quarter : catalogue.unreleased(definition)) {
                periods.put(
                        quarter.code(),
                        new Table(
                                definition,
                                quarter,
                                clock.instant(),
                                tables.firstRelease(quarter),
                                tables.cube(definition, quarter),
                                null,
                                null,
                                null));
                provisionalCodes.add(quarter.code());
            }
        }
        Map<String, Table> ordered = new LinkedHashMap<>();
        periods.keySet().stream().sorted().forEach(code -> ordered.put(code, periods.get(code)));
        return new View(definition, ordered, provisionalCodes, code -> provisional(definition, Quarter.parse(code)));
    }

    /** The quarter codes a caller may read, oldest first, without computing any figures. */
    List<String> periods(Catalogue catalogue, Definition definition, boolean withProvisional) {
        java.util.TreeSet<String> codes = new java.util.TreeSet<>();
        catalogue.of(definition).forEach(r -> codes.add(r.period().code()));
        if (withProvisional) {
            catalogue.unreleased(definition).forEach(q -> codes.add(q.code()));
        }
        return List.copyOf(codes);
    }

    /** When the figures a caller may read last changed: the newest release, or now with provisional quarters. */
    Instant updated(Catalogue catalogue, Definition definition, boolean withProvisional) {
        if (withProvisional && !catalogue.unreleased(definition).isEmpty()) {
            return clock.instant();
        }
        return catalogue.of(definition).stream()
                .map(Release::publishedAt)
                .max(Instant::compareTo)
                .orElse(null);
    }

    /** Whether a table has completed quarters without a release. */
    boolean hasUnreleased(Catalogue catalogue, Definition definition) {
        return !catalogue.unreleased(definition).isEmpty();
    }

    /** Whether a quarter is completed and not yet released: provisional for those who may see it. */
    boolean provisional(Catalogue catalogue, Definition definition, String period) {
        return catalogue.unreleased(definition).stream().anyMatch(q -> q.code().equalsIgnoreCase(period.trim()));
    }

    private List<Quarter> unreleased(List<Release> current) {
        List<Quarter> released = current.stream().map(Release::period).toList();
        return tables.periods().stream().filter(q -> !released.contains(q)).toList();
    }

    private Table provisional(Definition definition, Quarter quarter) {
        String country = definition.codeList().country();
        String key = country + "|" + quarter.code() + "|" + eventLog.latest() + "|"
                + releases.all().size();
        return provisional.get(key, k -> publisher.provisional(country, quarter)).stream()
                .filter(t -> t.definition().id().equals(definition.id()))
                .findFirst()
                .orElseThrow();
    }

    /** The variables of a table for a caller, in one language: region, breakdown, period and contents. */
    List<PxVariable> variables(View view, StatisticsTexts texts) {
        CodeList list = view.definition().codeList();
        TreeSet<Integer> years = new TreeSet<>();
        for (Table table : view.periods().values()) {
            table.cube().categories.stream()
                    .filter(c -> c.matches("COHORT:\\d{4}"))
                    .forEach(c -> years.add(Integer.parseInt(c.substring(7))));
        }
        return List.of(
                new PxVariable(
                        "region",
                        texts.get("dimension.region"),
                        List.copyOf(list.regionLabels().keySet()),
                        code -> texts.region(list, code),
                        true,
                        list.country(),
                        false,
                        codeLists(list)),
                new PxVariable(
                        "breakdown",
                        texts.get("dimension.breakdown"),
                        view.definition().measure().kind().categories(list.country(), years),
                        texts::breakdown,
                        true,
                        Breakdowns.TOTAL,
                        false,
                        Map.of()),
                new PxVariable(
                        "period",
                        texts.get("dimension.period"),
                        List.copyOf(view.periods().keySet()),
                        texts::period,
                        false,
                        null,
                        true,
                        Map.of()),
                new PxVariable(
                        "contents",
                        texts.get("dimension.contents"),
                        view.definition().measure().contents(),
                        texts::content,
                        false,
                        null,
                        false,
                        Map.of()));
    }

    /** The region variable's value sets: the country, its counties, its municipalities. */
    static Map<String, List<String>> codeLists(CodeList list) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put(codeListId(list, "country"), List.of(list.country()));
        sets.put(codeListId(list, "county"), List.copyOf(list.counties().keySet()));
        sets.put(
                codeListId(list, "municipality"),
                List.copyOf(list.municipalities().keySet()));
        return sets;
    }

    static String codeListId(CodeList list, String level) {
        return "vs_" + list.country() + "_" + level;
    }

    /** A code list's label: its level in the caller's language. */
    static String codeListLabel(CodeList list, String id, StatisticsTexts texts) {
        String level = id.substring(id.lastIndexOf('_') + 1);
        return level.equals("county")
                ? texts.get("codelist.vs_county." + list.country())
                : texts.get("codelist.vs_" + level);
    }

    /** The code list with an id, and the country whose regions it lists. */
    Optional<CodeList> codeListOwner(String id) {
        return tables.definitions().stream()
                .map(Definition::codeList)
                .distinct()
                .filter(list -> codeLists(list).keySet().stream().anyMatch(k -> k.equalsIgnoreCase(id)))
                .findFirst();
    }

    /**
     * What a data request without a selection gets: the latest quarter, every region with participants in it (the
     * country when none has), every breakdown and every content.
     */
    Map<String, List<String>> defaultSelection(View view, List<PxVariable> variables) {
        Table latest = view.latest();
        Map<String, List<String>> selection = new LinkedHashMap<>();
        selection.put(
                "region",
                latest.cube().regions.isEmpty()
                        ? List.of(view.definition().codeList().country())
                        : latest.cube().regions);
        selection.put("breakdown", variables.get(1).values());
        selection.put("period", List.of(latest.period().code()));
        selection.put("contents", view.definition().measure().contents());
        return selection;
    }

    /** The selected cells, one table per selected quarter. */
    TableDocuments.Data data(View view, Map<String, List<String>> selection, StatisticsTexts texts) {
        return new TableDocuments.Data(
                view.definition(),
                selection.get("region"),
                selection.get("breakdown"),
                selection.get("period").stream().map(view::served).toList(),
                selection.get("contents"),
                tables.threshold(),
                texts);
    }
}
