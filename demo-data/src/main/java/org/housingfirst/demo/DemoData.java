package org.housingfirst.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts a synthetic history of Housing First programmes in five Swedish and three Norwegian municipalities through
 * the public REST APIs: by default as the lines of bulk requests ({@code --bulk false}: one request per step, with
 * {@code --concurrency} at once). Deterministic for a seed and an end date. Usage:
 *
 * <pre>
 * java -jar demo-data.jar [--tenancy http://127.0.0.1:8081] [--support http://127.0.0.1:8082]
 *     [--participants 1500] [--seed 42] [--until 2026-11-25] [--years 4]
 *     [--bulk true] [--bulk-in-flight 2] [--concurrency 8]
 *     (--hmac-secret DEV_SECRET | --token SE:1280=eyJ... --token NO:0301=eyJ... ...)
 * </pre>
 */
public final class DemoData {

    private DemoData() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        Map<String, String> tokens = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--token")) {
                String[] pair = args[i + 1].split("=", 2);
                tokens.put(pair[0], pair[1]);
            } else {
                options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
        }
        int participants = Integer.parseInt(options.getOrDefault("participants", "1500"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        LocalDate until =
                LocalDate.parse(options.getOrDefault("until", LocalDate.now().toString()));
        LocalDate first = until.minusYears(Long.parseLong(options.getOrDefault("years", "4")));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        String tenancy = options.getOrDefault("tenancy", "http://127.0.0.1:8081");
        String support = options.getOrDefault("support", "http://127.0.0.1:8082");
        Tokens credentials = new Tokens(tokens, options.get("hmac-secret"));

        boolean bulk = Boolean.parseBoolean(options.getOrDefault("bulk", "true"));
        Api single = new Api();
        BulkPoster bulkPoster = new BulkPoster(Integer.parseInt(options.getOrDefault("bulk-in-flight", "2")));
        Poster api = bulk ? bulkPoster : single;
        java.util.function.LongSupplier requests = bulk ? bulkPoster::requests : single::requests;
        AtomicInteger done = new AtomicInteger();
        AtomicInteger housed = new AtomicInteger();
        Instant started = Instant.now();
        System.out.printf(
                Locale.ROOT,
                "Posting %d participants (seed %d, %s to %s) to %s and %s, %s%n",
                participants,
                seed,
                first,
                until,
                tenancy,
                support,
                bulk ? "through their bulk endpoints" : "one request per step, " + concurrency + " at once");
        // through bulk requests every history runs at once, each on a virtual thread waiting for its step's answer
        ExecutorService pool =
                bulk ? Executors.newVirtualThreadPerTaskExecutor() : Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            Site site = Site.ALL.get(i % Site.ALL.size());
            History history = new History(api, tenancy, support, credentials, site, first, until, seed, i);
            futures.add(pool.submit(() -> {
                if (history.post()) {
                    housed.incrementAndGet();
                }
                done.incrementAndGet();
                return null;
            }));
        }
        pool.shutdown();
        Thread progress = Thread.ofVirtual().start(() -> {
            while (!pool.isTerminated()) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.printf(
                        Locale.ROOT,
                        "  %d/%d participants, %d requests, %.0f requests/s%n",
                        done.get(),
                        participants,
                        requests.getAsLong(),
                        requests.getAsLong() / Math.max(0.001, seconds(started)));
            }
        });
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
            progress.interrupt();
        }
        System.out.printf(
                Locale.ROOT,
                "Done: %d participants (%d housed), %d requests%s in %.0f s%n",
                participants,
                housed.get(),
                requests.getAsLong(),
                bulk ? " as lines of " + bulkPoster.bulkRequests() + " bulk requests" : "",
                seconds(started));
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
