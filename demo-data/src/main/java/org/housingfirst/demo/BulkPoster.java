package org.housingfirst.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Posts through each service's bulk endpoint ({@code POST /api/v1/bulk}): the participants' histories run side by side,
 * each waiting for its own step's answer, and the steps waiting at any moment for one service and one token leave as
 * the lines of one bulk request, each under the idempotency key its single request would carry. At most
 * {@code inFlight} bulk requests per service run at once; while they run, the next steps gather. A line refused
 * stops the run with its problem, as a refused single request does; a failed bulk request is sent again, which its
 * keys make safe.
 */
final class BulkPoster implements Poster {

    private static final int MAX_LINES = 2000;

    private record Pending(String line, CompletableFuture<JsonNode> answer) {}

    private record Target(String base, String token) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<Target, BlockingQueue<Pending>> queues = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final int inFlightPerService;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    BulkPoster(int inFlightPerService) {
        this.inFlightPerService = inFlightPerService;
    }

    @Override
    public JsonNode post(String base, String path, String token, Map<String, ?> body, String idempotencyKey) {
        String line = Api.JSON.writeValueAsString(
                Map.of("idempotencyKey", idempotencyKey, "path", path, "body", Api.JSON.valueToTree(body)));
        Pending pending = new Pending(line, new CompletableFuture<>());
        queues.computeIfAbsent(new Target(base, token), this::startSender).add(pending);
        try {
            return pending.answer().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Lines answered so far. */
    long requests() {
        return lines.get();
    }

    /** Bulk requests sent so far. */
    long bulkRequests() {
        return requests.get();
    }

    private BlockingQueue<Pending> startSender(Target target) {
        BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("bulk-sender").start(() -> {
            Semaphore slots = inFlight.computeIfAbsent(target.base(), b -> new Semaphore(inFlightPerService));
            while (true) {
                List<Pending> batch = new ArrayList<>();
                try {
                    batch.add(queue.take());
                    slots.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(batch, MAX_LINES - 1);
                try {
                    send(target, batch, queue);
                } catch (RuntimeException e) {
                    batch.forEach(p -> p.answer().completeExceptionally(e));
                } finally {
                    slots.release();
                }
            }
        });
        return queue;
    }

    private void send(Target target, List<Pending> batch, BlockingQueue<Pending> queue) {
        StringBuilder body = new StringBuilder();
        batch.forEach(p -> body.append(p.line()).append('\n'));
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.base() + "/api/v1/bulk"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + target.token())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    requests.incrementAndGet();
                    List<JsonNode> results =
                            response.body().lines().map(Api.JSON::readTree).toList();
                    lines.addAndGet(results.stream()
                            .filter(r -> r.get("status").asInt() / 100 == 2)
                            .count());
                    answer(batch, results, queue);
                    return;
                }
                if ((response.statusCode() != 429 && response.statusCode() < 500) || attempt == 6) {
                    throw new IllegalStateException(
                            "a bulk request was refused: " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                if (attempt == 6) {
                    throw new IllegalStateException("a bulk request failed: " + e.getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Api.sleep(250L << attempt);
        }
    }

    /** Hands each line its answer; a line whose chunk the service could not store (503) queues again. */
    private static void answer(List<Pending> batch, List<JsonNode> results, BlockingQueue<Pending> queue) {
        for (JsonNode result : results) {
            Pending pending = batch.get(result.get("line").asInt() - 1);
            String outcome = result.get("result").asString();
            if (outcome.equals("accepted") || outcome.equals("replayed")) {
                pending.answer().complete(result.get("body"));
            } else if (result.get("status").asInt() == 503) {
                queue.add(pending);
            } else {
                JsonNode problem = result.path("body");
                pending.answer()
                        .completeExceptionally(new IllegalStateException("a line was refused: "
                                + result.get("status").asInt() + " "
                                + problem.path("title").asString("") + " "
                                + problem.path("detail").asString("")));
            }
        }
    }
}
