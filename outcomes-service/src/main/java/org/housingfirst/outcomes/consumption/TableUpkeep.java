package org.housingfirst.outcomes.consumption;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Vacuums and analyses a version's tables while they grow: after every 50,000 new events, or a fifth of the events
 * there were at the last upkeep if that is more. It keeps the planner's statistics current (a query planned on empty
 * statistics can take seconds instead of milliseconds once a table holds a country), the visibility map that lets a
 * municipality's rows come from index-only scans, and removes the versions closed by updates. PostgreSQL's autovacuum
 * would do all of it, but it may be off (it is on the CI machines). A version being rebuilt is only analysed; it is
 * analysed when it is activated and vacuumed here right after.
 */
@Component
class TableUpkeep {

    private static final Logger log = LoggerFactory.getLogger(TableUpkeep.class);
    private static final long EVERY = 50_000;

    private final ProjectionVersions versions;
    private final Map<Integer, long[]> counts = new HashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outcomes-table-upkeep");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean busy = new AtomicBoolean();

    TableUpkeep(ProjectionVersions versions) {
        this.versions = versions;
    }

    /**
     * Called after each batch stored into a version, by the consumer and by a rebuild; the upkeep itself runs on a
     * thread of its own, one at a time, so consuming never waits for it.
     */
    synchronized void stored(int version, int newEvents) {
        long[] count = counts.computeIfAbsent(version, v -> new long[2]); // since the last upkeep, at the last upkeep
        count[0] += newEvents;
        if (count[0] >= Math.max(EVERY, count[1] / 5) && busy.compareAndSet(false, true)) {
            count[1] += count[0];
            count[0] = 0;
            long events = count[1];
            worker.execute(() -> {
                long started = System.nanoTime();
                try {
                    boolean building = version != versions.active();
                    if (building) {
                        versions.analyze(version);
                    } else {
                        versions.vacuum(version);
                    }
                    log.info(
                            "{} version {} ({} events stored) in {} ms",
                            building ? "Analysed" : "Vacuumed and analysed",
                            version,
                            events,
                            (System.nanoTime() - started) / 1_000_000);
                } catch (RuntimeException e) {
                    log.warn("Upkeep of version {} failed; it is tried again later: {}", version, e.toString());
                } finally {
                    busy.set(false);
                }
            });
        }
    }

    /** Vacuums a version that has just become active, on the upkeep thread, after any upkeep running now. */
    void activated(int version) {
        worker.execute(() -> {
            long started = System.nanoTime();
            try {
                versions.vacuum(version);
                log.info(
                        "Vacuumed and analysed version {}, now active, in {} ms",
                        version,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Vacuum of version {} failed; upkeep tries again later: {}", version, e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
