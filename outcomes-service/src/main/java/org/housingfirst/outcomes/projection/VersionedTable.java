package org.housingfirst.outcomes.projection;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection table whose rows have versions along recorded time ({@code recorded_from}, {@code recorded_to}, see
 * {@link Version}). A batch of facts is applied in three statements: the versions of the rows it touches are read and
 * locked, each fact is added ({@link Versions}), and what changed is written: a closed version is updated, a new one
 * inserted. Subclasses say how keys and states map to columns.
 *
 * @param <K> the row's key
 * @param <S> the row's state; null before any fact
 */
abstract class VersionedTable<K, S> {

    /** A fact about one row, recorded at an instant: a change of its state. */
    record Fact<K, S>(K key, Instant recordedAt, UnaryOperator<S> change) {}

    private final String table;
    private final List<String> keyColumns;
    private final List<String> stateColumns;
    private final String lookupColumn;
    private final String lookupType;

    /**
     * @param lookupColumn a key column whose values find a batch's rows ({@code = ANY(?)}); an index must lead with it
     * @param lookupType its SQL type, for the array parameter
     */
    VersionedTable(
            String table, List<String> keyColumns, List<String> stateColumns, String lookupColumn, String lookupType) {
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        this.stateColumns = List.copyOf(stateColumns);
        this.lookupColumn = lookupColumn;
        this.lookupType = lookupType;
    }

    abstract K key(ResultSet row) throws SQLException;

    abstract S state(ResultSet row) throws SQLException;

    /** The key's column values, in the order of the key columns. */
    abstract Object[] keyValues(K key);

    /** The state's column values, in the order of the state columns. */
    abstract Object[] stateValues(S state);

    /** The value of the lookup column for a key. */
    abstract Object lookup(K key);

    void apply(JdbcTemplate jdbc, List<Fact<K, S>> facts) {
        if (facts.isEmpty()) {
            return;
        }
        Map<K, List<Fact<K, S>>> byKey = new LinkedHashMap<>();
        facts.forEach(
                f -> byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
        Map<K, List<Version<S>>> stored = load(jdbc, byKey.keySet());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        byKey.forEach((key, rowFacts) -> {
            List<Version<S>> before = stored.getOrDefault(key, List.of());
            List<Version<S>> after = before;
            for (Fact<K, S> fact : rowFacts) {
                after = Versions.record(after, fact.recordedAt(), fact.change(), null);
            }
            Map<Instant, Version<S>> previous = new HashMap<>();
            before.forEach(v -> previous.put(v.from(), v));
            for (Version<S> v : after) {
                Version<S> old = previous.get(v.from());
                if (old == null) {
                    inserts.add(row(key, v));
                } else if (!old.equals(v)) {
                    updates.add(update(key, v));
                }
            }
        });
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(updateSql(), updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(insertSql(), inserts);
        }
    }

    private Map<K, List<Version<S>>> load(JdbcTemplate jdbc, Collection<K> keys) {
        Map<K, List<Version<S>>> versions = new HashMap<>();
        Object[] lookups = keys.stream().map(this::lookup).distinct().toArray();
        jdbc.query(
                "SELECT " + String.join(", ", keyColumns) + ", recorded_from, "
                        + "CASE WHEN recorded_to = 'infinity' THEN NULL ELSE recorded_to END AS recorded_until, "
                        + String.join(", ", stateColumns) + " FROM " + table + " WHERE " + lookupColumn
                        + " = ANY(?) ORDER BY " + String.join(", ", keyColumns) + ", recorded_from FOR UPDATE",
                ps -> {
                    Array array = ps.getConnection().createArrayOf(lookupType, lookups);
                    ps.setArray(1, array);
                },
                row -> {
                    K key = key(row);
                    if (keys.contains(key)) {
                        versions.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(new Version<>(
                                        instant(row, "recorded_from"), instant(row, "recorded_until"), state(row)));
                    }
                });
        return versions;
    }

    private String insertSql() {
        String columns = Stream.of(keyColumns, List.of("recorded_from", "recorded_to"), stateColumns)
                .flatMap(List::stream)
                .collect(Collectors.joining(", "));
        String values = Stream.of(
                        keyColumns.stream().map(c -> "?"),
                        Stream.of("CAST(? AS timestamptz)", "CAST(? AS timestamptz)"),
                        stateColumns.stream().map(c -> "?"))
                .flatMap(s -> s)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")";
    }

    private String updateSql() {
        String set = Stream.concat(
                        Stream.of("recorded_to = CAST(? AS timestamptz)"),
                        stateColumns.stream().map(c -> c + " = ?"))
                .collect(Collectors.joining(", "));
        String where = Stream.concat(
                        keyColumns.stream().map(c -> c + " = ?"), Stream.of("recorded_from = CAST(? AS timestamptz)"))
                .collect(Collectors.joining(" AND "));
        return "UPDATE " + table + " SET " + set + " WHERE " + where;
    }

    private Object[] row(K key, Version<S> v) {
        return concat(keyValues(key), new Object[] {v.from().toString(), until(v)}, stateValues(v.state()));
    }

    private Object[] update(K key, Version<S> v) {
        return concat(new Object[] {until(v)}, stateValues(v.state()), keyValues(key), new Object[] {
            v.from().toString()
        });
    }

    private static String until(Version<?> v) {
        return v.to() == null ? "infinity" : v.to().toString();
    }

    static Object[] concat(Object[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray();
    }

    /** A versioned table keyed by one UUID column, e.g. a tenancy's or an episode's id. */
    abstract static class ByUuid<S> extends VersionedTable<UUID, S> {

        private final String keyColumn;

        ByUuid(String table, String keyColumn, List<String> stateColumns) {
            super(table, List.of(keyColumn), stateColumns, keyColumn, "uuid");
            this.keyColumn = keyColumn;
        }

        @Override
        UUID key(ResultSet row) throws SQLException {
            return row.getObject(keyColumn, UUID.class);
        }

        @Override
        Object[] keyValues(UUID key) {
            return new Object[] {key};
        }

        @Override
        Object lookup(UUID key) {
            return key;
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The stamp kept in an event-id column and a recorded-at column; null when the field group was never set. */
    static Stamp stamp(ResultSet row, String event, String recorded) throws SQLException {
        UUID id = row.getObject(event, UUID.class);
        return id == null ? null : new Stamp(instant(row, recorded), id);
    }

    static UUID eventOf(Stamp stamp) {
        return stamp == null ? null : stamp.eventId();
    }

    static OffsetDateTime recordedOf(Stamp stamp) {
        return stamp == null ? null : timestamp(stamp.recordedAt());
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
