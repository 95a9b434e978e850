package org.housingfirst.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.housingfirst.contracts.geography.CodeList;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Checks national tables as a consumer would see them, knowing only the published document: JSON-stat 2.0 structure,
 * the CSV's numbers, and whether a suppressed cell can be derived. The additive relations are rebuilt from the codes
 * alone: a county is the first two digits of its municipalities, the nation the sum of its counties, every breakdown
 * group adds up to TOTAL and every move-in year to its quarters.
 */
public final class JsonStatCheck {

    private JsonStatCheck() {}

    public static void assertStructure(JsonNode dataset) {
        assertThat(dataset.get("version").asString()).isEqualTo("2.0");
        assertThat(dataset.get("class").asString()).isEqualTo("dataset");
        JsonNode ids = dataset.get("id");
        JsonNode size = dataset.get("size");
        assertThat(ids.size()).isEqualTo(size.size());
        long cells = 1;
        for (int i = 0; i < ids.size(); i++) {
            JsonNode category =
                    dataset.get("dimension").get(ids.get(i).asString()).get("category");
            assertThat(category.get("index").size()).isEqualTo(size.get(i).asInt());
            assertThat(category.get("label").size()).isEqualTo(size.get(i).asInt());
            cells *= size.get(i).asInt();
        }
        assertThat(dataset.get("value").size()).isEqualTo(cells);
        long count = cells;
        for (String role : List.of("geo", "time", "metric")) {
            for (JsonNode dimension : dataset.get("role").get(role)) {
                assertThat(ids.valueStream().map(JsonNode::asString)).contains(dimension.asString());
            }
        }
        dataset.get("status")
                .propertyNames()
                .forEach(position -> assertThat(Integer.parseInt(position)).isBetween(0, (int) count - 1));
        assertThat(dataset.get("updated").asString()).isNotBlank();
        JsonNode contents = dataset.get("dimension").get("contents").get("category");
        contents.get("index")
                .propertyNames()
                .forEach(code -> assertThat(contents.get("unit").get(code).has("decimals"))
                        .isTrue());
    }

    /**
     * The position in {@code value} of the cell with the given codes, row-major in the order of {@code id}; a dimension
     * not named must have a single category.
     */
    public static int position(JsonNode dataset, Map<String, String> codes) {
        int position = 0;
        for (int i = 0; i < dataset.get("id").size(); i++) {
            String dimension = dataset.get("id").get(i).asString();
            JsonNode index =
                    dataset.get("dimension").get(dimension).get("category").get("index");
            int size = dataset.get("size").get(i).asInt();
            String code = codes.get(dimension);
            assertThat(code != null || size == 1)
                    .as("dimension %s chosen", dimension)
                    .isTrue();
            position = position * size + (code == null ? 0 : index.get(code).asInt());
        }
        return position;
    }

    /** Asserts every published rate passes the threshold and no suppressed cell is derivable; returns how many are. */
    public static int assertNothingDerivable(JsonNode dataset, int k) {
        return assertNothingDerivable(dataset, k, Set.of());
    }

    /**
     * As {@link #assertNothingDerivable(JsonNode, int)}, for an attacker who also knows the cells named in
     * {@code known} ("region|breakdown", from other releases): those are no unknowns to them.
     */
    public static int assertNothingDerivable(JsonNode dataset, int k, Set<String> known) {
        List<String> regions = codes(dataset, "region");
        List<String> categories = codes(dataset, "breakdown");
        int periods = dataset.get("size").get(2).asInt();
        List<String> contents = codes(dataset, "contents");
        JsonNode values = dataset.get("value");
        JsonNode status = dataset.get("status");
        List<int[]> relations = relations(regions, categories);
        int suppressed = 0;
        for (int period = 0; period < periods; period++) {
            // a rate table's numerator and denominator; in a table of counts (or of means) the count comes first
            boolean counted = !contents.getFirst().equals("numerator");
            for (String content : counted ? List.of(contents.getFirst()) : List.of("numerator", "denominator")) {
                Set<Integer> hidden = new HashSet<>();
                for (int r = 0; r < regions.size(); r++) {
                    for (int c = 0; c < categories.size(); c++) {
                        int position = position(
                                r, c, period, contents.indexOf(content), categories.size(), periods, contents.size());
                        if (status.has(String.valueOf(position))
                                && status.get(String.valueOf(position))
                                        .asString()
                                        .equals(":")) {
                            if (!known.contains(regions.get(r) + "|" + categories.get(c))) {
                                hidden.add(r * categories.size() + c);
                            }
                        } else if (counted) {
                            long count = values.get(position).asLong();
                            if (count > 0) {
                                assertThat(count).isGreaterThanOrEqualTo(k);
                            }
                        } else if (content.equals("denominator")) {
                            long denominator = values.get(position).asLong();
                            long numerator = values.get(position - 1).asLong();
                            if (denominator > 0) {
                                assertThat(numerator).isGreaterThanOrEqualTo(k);
                                assertThat(denominator - numerator).isGreaterThanOrEqualTo(k);
                            }
                        }
                    }
                }
                assertThat(SubtractionAttacker.derivable(hidden, relations))
                        .as("derivable, knowing %s", known)
                        .isEmpty();
                suppressed += hidden.size();
            }
        }
        return suppressed;
    }

    /**
     * The interval attacker against one released table (one period), as the public and as each municipality: the
     * table is rebuilt from the document alone (codes, shown counts, ":" marks), and no hidden cell may be confined to a
     * range of numerator, denominator or complement less than {@code k} wide. Given the service's context
     * ({@code insiders}), the attacker also plays each municipality, which knows its own row. Returns the number of hidden cells.
     */
    public static int assertNothingNarrowed(
            JsonNode dataset, int k, ApplicationContext insiders, String releaseId, String tableId) {
        List<String> regions = codes(dataset, "region");
        List<String> categories = codes(dataset, "breakdown");
        assertThat(codes(dataset, "period")).hasSize(1);
        Map<String, String> counties = new LinkedHashMap<>();
        Map<String, String> municipalities = new LinkedHashMap<>();
        for (String region : regions.subList(1, regions.size())) {
            (region.length() == 2 ? counties : municipalities).put(region, region);
        }
        CodeList codeList =
                new CodeList(regions.getFirst(), regions.getFirst(), "document", "document", counties, municipalities);
        long[] numerators = new long[regions.size() * categories.size()];
        long[] denominators = new long[numerators.length];
        Set<Integer> hidden = new HashSet<>();
        // a table of counts (or of means) has the count first: kept as the denominator, beside numerators of 0
        List<String> contents = codes(dataset, "contents");
        boolean counts = !contents.getFirst().equals("numerator");
        int width = contents.size();
        for (int cell = 0; cell < numerators.length; cell++) {
            int position = cell * width;
            if (":".equals(dataset.get("status").path(String.valueOf(position)).asString(null))) {
                hidden.add(cell);
            } else if (counts) {
                denominators[cell] = dataset.get("value").get(position).asLong();
            } else {
                numerators[cell] = dataset.get("value").get(position).asLong();
                denominators[cell] = dataset.get("value").get(position + 1).asLong();
            }
        }
        RateCube cube = RateCube.of(codeList, regions, categories, numerators, denominators, 0, counts);
        assertThat(IntervalAttacker.narrowed(cube, hidden, k))
                .as("narrowed by the public")
                .isEmpty();
        // each municipality knows its own row: the hidden counts as frozen in the release, of which the attacker
        // reads only the row of the municipality it plays
        ReleaseStore.Cells truth =
                insiders.getBean(ReleaseStore.class).cells(releaseId, tableId).orElseThrow();
        assertThat(truth.regions()).isEqualTo(regions);
        assertThat(truth.categories()).isEqualTo(categories);
        RateCube known =
                RateCube.of(codeList, regions, categories, truth.numerators(), truth.denominators(), 0, counts);
        assertThat(IntervalAttacker.narrowedByInsiders(known, hidden, k))
                .as("narrowed by a municipality")
                .isEmpty();
        return hidden.size();
    }

    /** The values in document order: numbers normalised, and a missing value as its status, ":" or ".". */
    public static List<String> values(JsonNode dataset) {
        List<String> values = new ArrayList<>();
        JsonNode status = dataset.get("status");
        for (int i = 0; i < dataset.get("value").size(); i++) {
            JsonNode value = dataset.get("value").get(i);
            String flag = status.has(String.valueOf(i))
                    ? status.get(String.valueOf(i)).asString()
                    : "";
            assertThat(!value.isNull() || flag.equals(":") || flag.equals("."))
                    .as("a missing value has its reason as status, at %d", i)
                    .isTrue();
            values.add(value.isNull() ? flag : number(value.asString()));
        }
        return values;
    }

    /** The CSV's content columns (after the codes and labels of region, breakdown and period; before status). */
    public static List<String> csvValues(String csv) {
        List<String> values = new ArrayList<>();
        String[] lines = csv.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        int first = header.indexOf("period_label") + 1;
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            for (int f = first; f < header.size() - 1; f++) {
                values.add(fields[f].equals(":") || fields[f].equals(".") ? fields[f] : number(fields[f]));
            }
        }
        return values;
    }

    private static String number(String text) {
        return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }

    private static List<int[]> relations(List<String> regions, List<String> categories) {
        int width = categories.size();
        List<int[]> relations = new ArrayList<>();
        Map<String, List<Integer>> children = new LinkedHashMap<>();
        for (int r = 0; r < regions.size(); r++) {
            String code = regions.get(r);
            if (code.matches("\\d{4}")) {
                children.computeIfAbsent(code.substring(0, 2), p -> new ArrayList<>())
                        .add(r);
            } else if (code.matches("\\d{2}")) {
                children.computeIfAbsent("nation", p -> new ArrayList<>()).add(r);
            }
        }
        for (int r = 0; r < regions.size(); r++) {
            String code = regions.get(r);
            List<Integer> parts = children.get(code.matches("[A-Z]{2}") ? "nation" : code);
            if (parts != null) {
                for (int c = 0; c < width; c++) {
                    int[] relation = new int[parts.size() + 1];
                    relation[0] = r * width + c;
                    for (int i = 0; i < parts.size(); i++) {
                        relation[i + 1] = parts.get(i) * width + c;
                    }
                    relations.add(relation);
                }
            }
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int c = 0; c < width; c++) {
            String code = categories.get(c);
            if (code.matches("COHORT:\\d{4}Q\\d")) {
                groups.computeIfAbsent(code.substring(0, 11), g -> new ArrayList<>())
                        .add(c);
            } else if (code.contains(":")) {
                groups.computeIfAbsent(code.substring(0, code.indexOf(':')), g -> new ArrayList<>())
                        .add(c);
            }
        }
        groups.forEach((group, parts) -> {
            int total = categories.indexOf(group.contains(":") ? group : "TOTAL");
            for (int r = 0; r < regions.size(); r++) {
                int[] relation = new int[parts.size() + 1];
                relation[0] = r * width + total;
                for (int i = 0; i < parts.size(); i++) {
                    relation[i + 1] = r * width + parts.get(i);
                }
                relations.add(relation);
            }
        });
        return relations;
    }

    /**
     * The shown cells of a dataset with every content (numerator, denominator, rate; or count): "region|breakdown|period"
     * to its numerator and denominator ({0, count} for a table of counts). Suppressed cells are left out.
     */
    public static Map<String, long[]> counts(JsonNode dataset) {
        List<String> regions = codes(dataset, "region");
        List<String> categories = codes(dataset, "breakdown");
        List<String> periods = codes(dataset, "period");
        // a rate table's numerator and denominator; a table of counts (or of means) gives {0, count}
        List<String> contents = codes(dataset, "contents");
        boolean counted = !contents.getFirst().equals("numerator");
        int width = contents.size();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (int r = 0; r < regions.size(); r++) {
            for (int c = 0; c < categories.size(); c++) {
                for (int p = 0; p < periods.size(); p++) {
                    int position = position(r, c, p, 0, categories.size(), periods.size(), width);
                    if (":"
                            .equals(dataset.get("status")
                                    .path(String.valueOf(position))
                                    .asString(null))) {
                        continue;
                    }
                    long first = dataset.get("value").get(position).asLong();
                    counts.put(
                            regions.get(r) + "|" + categories.get(c) + "|" + periods.get(p),
                            counted
                                    ? new long[] {0, first}
                                    : new long[] {
                                        first,
                                        dataset.get("value").get(position + 1).asLong()
                                    });
                }
            }
        }
        return counts;
    }

    /** A dimension's category codes in index order. */
    public static List<String> codes(JsonNode dataset, String dimension) {
        JsonNode index = dataset.get("dimension").get(dimension).get("category").get("index");
        String[] codes = new String[index.size()];
        index.properties().forEach(e -> codes[e.getValue().asInt()] = e.getKey());
        return List.of(codes);
    }

    private static int position(int r, int c, int p, int x, int categories, int periods, int contents) {
        return ((r * categories + c) * periods + p) * contents + x;
    }
}
