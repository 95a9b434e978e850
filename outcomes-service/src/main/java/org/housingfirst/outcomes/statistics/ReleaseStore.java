package org.housingfirst.outcomes.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.housingfirst.outcomes.statistics.DisclosureControl.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published releases (migration V7). Rows are only ever inserted: the database refuses UPDATE, DELETE and TRUNCATE
 * on them.
 */
@Repository
class ReleaseStore {

    /** Which document of a released table. */
    enum Format {
        JSON_STAT,
        CSV
    }

    /**
     * The cells of one released table, hidden counts included; never served as they are.
     *
     * @param status per cell, as published
     * @param revision per cell: "r" when it differs from the first release, else null
     * @param sums per value code of a table of means, each cell's sum of values (empty for other tables)
     * @param squares per value code, each cell's sum of squared values
     */
    record Cells(
            List<String> regions,
            List<String> categories,
            long[] numerators,
            long[] denominators,
            Status[] status,
            String[] revision,
            int unlisted,
            Map<String, double[]> sums,
            Map<String, double[]> squares) {

        /** The counts as a cube, with the relations of its regions and categories. */
        RateCube cube(NationalTables.Definition table) {
            return RateCube.of(
                    table.codeList(),
                    regions,
                    categories,
                    numerators,
                    denominators,
                    unlisted,
                    table.measure().counts(),
                    sums,
                    squares);
        }
    }

    /** One table of a release: its definition version, cells and the two documents. */
    record Row(String tableId, String definitionVersion, Cells cells, byte[] jsonStat, byte[] csv) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ReleaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a release and its tables; fails if its id or (country, period, sequence) exists. */
    void insert(Release release, List<Row> rows) {
        jdbc.sql("INSERT INTO statistics_release (release_id, country, period, sequence, published_at, event_version,"
                        + " disclosure_policy, code_list_version, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        release.id(),
                        release.country(),
                        release.period().code(),
                        release.sequence(),
                        Timestamp.from(release.publishedAt()),
                        release.eventVersion(),
                        release.disclosurePolicy(),
                        release.codeListVersion(),
                        release.note())
                .update();
        for (Row row : rows) {
            jdbc.sql("INSERT INTO statistics_release_table (release_id, table_id, definition_version, cells, json_stat,"
                            + " csv) VALUES (?, ?, ?, ?::jsonb, ?, ?)")
                    .params(
                            release.id(),
                            row.tableId(),
                            row.definitionVersion(),
                            JSON.writeValueAsString(json(row.cells())),
                            row.jsonStat(),
                            row.csv())
                    .update();
        }
    }

    /** Every release, by country, period and sequence. */
    List<Release> all() {
        return jdbc.sql("SELECT * FROM statistics_release ORDER BY country, period, sequence")
                .query(ReleaseStore::release)
                .list();
    }

    Optional<Release> find(String id) {
        return jdbc.sql("SELECT * FROM statistics_release WHERE release_id = ?")
                .param(id)
                .query(ReleaseStore::release)
                .optional();
    }

    /** The newest release of each period of a country, oldest period first: what the tables serve. */
    List<Release> current(String country) {
        return jdbc.sql("SELECT DISTINCT ON (period) * FROM statistics_release WHERE country = ?"
                        + " ORDER BY period, sequence DESC")
                .param(country)
                .query(ReleaseStore::release)
                .list();
    }

    /**
     * Per table of a country, the newest release of each period that holds it, oldest period first: what each table
     * serves. A table added to the platform later is not in the releases made before it.
     */
    Map<String, List<Release>> currentByTable(String country) {
        Map<String, List<Release>> byTable = new HashMap<>();
        jdbc.sql("SELECT DISTINCT ON (t.table_id, r.period) t.table_id, r.* FROM statistics_release r"
                        + " JOIN statistics_release_table t ON t.release_id = r.release_id WHERE r.country = ?"
                        + " ORDER BY t.table_id, r.period, r.sequence DESC")
                .param(country)
                .query(rs -> {
                    byTable.computeIfAbsent(rs.getString("table_id"), id -> new ArrayList<>())
                            .add(release(rs, 0));
                });
        return byTable;
    }

    /** Every release of one period of a country, first release first. */
    List<Release> of(String country, Quarter period) {
        return jdbc.sql("SELECT * FROM statistics_release WHERE country = ? AND period = ? ORDER BY sequence")
                .params(country, period.code())
                .query(ReleaseStore::release)
                .list();
    }

    Optional<Cells> cells(String releaseId, String tableId) {
        return jdbc.sql("SELECT cells FROM statistics_release_table WHERE release_id = ? AND table_id = ?")
                .params(releaseId, tableId)
                .query((rs, n) -> cells(JSON.readTree(rs.getString(1))))
                .optional();
    }

    /** The stored bytes of a released table's document, exactly as published. */
    Optional<byte[]> document(String releaseId, String tableId, Format format) {
        String column = format == Format.CSV ? "csv" : "json_stat";
        return jdbc.sql("SELECT " + column + " FROM statistics_release_table WHERE release_id = ? AND table_id = ?")
                .params(releaseId, tableId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    /** The table ids of every release, in order, by release id: one query for a list of releases. */
    Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new HashMap<>();
        jdbc.sql("SELECT release_id, table_id FROM statistics_release_table ORDER BY release_id, table_id")
                .query(rs -> {
                    tables.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return tables;
    }

    /** The table ids a release holds, in order. */
    List<String> tables(String releaseId) {
        return jdbc.sql("SELECT table_id FROM statistics_release_table WHERE release_id = ? ORDER BY table_id")
                .param(releaseId)
                .query(String.class)
                .list();
    }

    private static Release release(ResultSet rs, int row) throws SQLException {
        return new Release(
                rs.getString("release_id"),
                rs.getString("country"),
                Quarter.parse(rs.getString("period")),
                rs.getInt("sequence"),
                rs.getTimestamp("published_at").toInstant(),
                rs.getLong("event_version"),
                rs.getString("disclosure_policy"),
                rs.getString("code_list_version"),
                rs.getString("note"));
    }

    private static ObjectNode json(Cells cells) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode regions = node.putArray("regions");
        cells.regions().forEach(regions::add);
        ArrayNode categories = node.putArray("categories");
        cells.categories().forEach(categories::add);
        ArrayNode numerators = node.putArray("numerators");
        ArrayNode denominators = node.putArray("denominators");
        ArrayNode status = node.putArray("status");
        ArrayNode revision = node.putArray("revision");
        for (int cell = 0; cell < cells.numerators().length; cell++) {
            numerators.add(cells.numerators()[cell]);
            denominators.add(cells.denominators()[cell]);
            status.add(cells.status()[cell].name());
            revision.add(cells.revision()[cell]);
        }
        node.put("unlisted", cells.unlisted());
        if (!cells.sums().isEmpty()) {
            ObjectNode sums = node.putObject("sums");
            ObjectNode squares = node.putObject("squares");
            cells.sums().forEach((code, values) -> {
                ArrayNode array = sums.putArray(code);
                for (double value : values) {
                    array.add(value);
                }
            });
            cells.squares().forEach((code, values) -> {
                ArrayNode array = squares.putArray(code);
                for (double value : values) {
                    array.add(value);
                }
            });
        }
        return node;
    }

    private static Cells cells(JsonNode node) {
        int size = node.get("numerators").size();
        long[] numerators = new long[size];
        long[] denominators = new long[size];
        Status[] status = new Status[size];
        String[] revision = new String[size];
        for (int cell = 0; cell < size; cell++) {
            numerators[cell] = node.get("numerators").get(cell).asLong();
            denominators[cell] = node.get("denominators").get(cell).asLong();
            status[cell] = Status.valueOf(node.get("status").get(cell).asString());
            JsonNode mark = node.get("revision").get(cell);
            revision[cell] = mark.isNull() ? null : mark.asString();
        }
        return new Cells(
                strings(node.get("regions")),
                strings(node.get("categories")),
                numerators,
                denominators,
                status,
                revision,
                node.get("unlisted").asInt(),
                doubles(node.get("sums")),
                doubles(node.get("squares")));
    }

    /** The arrays of a table of means by value code, in order; empty when the node is absent. */
    private static Map<String, double[]> doubles(JsonNode node) {
        Map<String, double[]> arrays = new java.util.LinkedHashMap<>();
        if (node != null) {
            for (String code : node.propertyNames()) {
                JsonNode array = node.get(code);
                double[] values = new double[array.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = array.get(i).asDouble();
                }
                arrays.put(code, values);
            }
        }
        return arrays;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(n -> strings.add(n.asString()));
        return List.copyOf(strings);
    }
}
