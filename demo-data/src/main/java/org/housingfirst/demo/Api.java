package org.housingfirst.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs to the services as a client system does: a bearer token, JSON, and an {@code Idempotency-Key} derived from
 * the seed and the step, so a run that is repeated or resumed records nothing twice. Connection failures, 429 and 5xx
 * are retried; any other refusal stops the run with the problem's title.
 */
final class Api implements Poster {

    /**
     * Map entries in key order: the bodies are built from {@code Map.of}, whose order changes from one JVM to the next,
     * and a repeated run must send byte-identical bodies under the same idempotency keys.
     */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final AtomicLong requests = new AtomicLong();

    @Override
    public JsonNode post(String base, String path, String token, Map<String, ?> body, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    requests.incrementAndGet();
                    return JSON.readTree(response.body());
                }
                if ((status != 429 && status < 500) || attempt == 6) {
                    JsonNode problem = JSON.readTree(response.body().isBlank() ? "{}" : response.body());
                    throw new IllegalStateException(
                            "POST " + path.replaceAll("/[0-9a-f-]{20,}", "/…") + " was refused: "
                                    + status + " " + problem.path("title").asString("") + " "
                                    + problem.path("detail").asString(""));
                }
            } catch (IOException e) {
                if (attempt == 6) {
                    throw new IllegalStateException("POST " + path + " failed: " + e.getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250L << attempt);
        }
    }

    long requests() {
        return requests.get();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
