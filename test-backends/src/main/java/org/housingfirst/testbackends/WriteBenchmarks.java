package org.housingfirst.testbackends;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What the write benchmarks share: the raw JDBC insert baseline and work spread over threads. */
public final class WriteBenchmarks {

    private WriteBenchmarks() {}

    /** One thread's share of the work: {@code count} of the total. */
    public interface Work {
        void run(int thread, int count) throws Exception;
    }

    /** Runs {@code total} units of work on {@code threads} threads, each its share, and waits for all. */
    public static void runConcurrently(int threads, int total, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                int count = total / threads + (t < total % threads ? 1 : 0);
                futures.add(pool.submit(() -> {
                    work.run(thread, count);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The baseline: each of {@code threads} threads inserts its share of {@code rows} rows holding {@code payload} one
     * at a time, autocommit, as a service stores one event a request. Returns rows per second.
     */
    public static double rawInserts(String database, int threads, int rows, byte[] payload) throws Exception {
        try (Connection setup = DriverManager.getConnection(database, TestBackends.user(), TestBackends.password());
                Statement statement = setup.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS benchmark_insert (
                        id UUID PRIMARY KEY, participant VARCHAR(100) NOT NULL, payload BYTEA NOT NULL,
                        created_at TIMESTAMPTZ NOT NULL)""");
        }
        Instant started = Instant.now();
        runConcurrently(threads, rows, (thread, count) -> {
            try (Connection connection =
                            DriverManager.getConnection(database, TestBackends.user(), TestBackends.password());
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO benchmark_insert (id, participant, payload, created_at) VALUES (?, ?, ?, now())")) {
                for (int i = 0; i < count; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "participant-" + thread + "-" + i);
                    insert.setBytes(3, payload);
                    insert.executeUpdate();
                }
            }
        });
        return rows / seconds(started);
    }

    /** Seconds since {@code since}, to the nanosecond. */
    public static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toNanos() / 1e9;
    }
}
