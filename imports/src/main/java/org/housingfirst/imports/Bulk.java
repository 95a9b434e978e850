package org.housingfirst.imports;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A service's bulk endpoint, and the one single request the import needs (a participant lookup). */
final class Bulk {

    /**
     * Writes map entries in key order: a line's body is compared byte for byte with its key's first request, and
     * {@code Map.of} iterates in another order in every JVM.
     */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static final int MAX_LINES = 10_000;

    /** A line to send: the row it came from, its key, path and body. */
    record Line(int row, String idempotencyKey, String path, Map<String, Object> body) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String token;

    Bulk(String token) {
        this.token = token;
    }

    /** Sends the lines in bulk requests of at most 10,000 and returns one result per line, in order. */
    List<JsonNode> send(String base, List<Line> lines, boolean dryRun) {
        List<JsonNode> results = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += MAX_LINES) {
            StringBuilder body = new StringBuilder();
            for (Line line : lines.subList(from, Math.min(lines.size(), from + MAX_LINES))) {
                body.append(JSON.writeValueAsString(Map.of(
                                "idempotencyKey", line.idempotencyKey(), "path", line.path(), "body", line.body())))
                        .append('\n');
            }
            HttpResponse<String> response = post(
                    base + "/api/v1/bulk" + (dryRun ? "?dryRun=true" : ""), "application/x-ndjson", body.toString());
            if (response.statusCode() != 200) {
                throw new ImportFailed("the bulk request was refused: " + response.statusCode() + " "
                        + JSON.readTree(response.body()).path("detail").asString(""));
            }
            response.body().lines().map(JSON::readTree).forEach(results::add);
        }
        return results;
    }

    /** POST /api/v1/participant-lookups on tenancy-service: the person's participant id, or null if unknown. */
    String participantId(String tenancyBase, String scheme, String value) {
        HttpResponse<String> response = post(
                tenancyBase + "/api/v1/participant-lookups",
                "application/json",
                JSON.writeValueAsString(Map.of("participant", Map.of("scheme", scheme, "value", value))));
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new ImportFailed("a participant lookup was refused: " + response.statusCode() + " "
                    + JSON.readTree(response.body()).path("detail").asString(""));
        }
        return JSON.readTree(response.body()).get("participantId").asString();
    }

    private HttpResponse<String> post(String url, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("Access-Purpose", "import")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ImportFailed("cannot reach " + URI.create(url).getAuthority() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailed("interrupted");
        }
    }

    /**
     * What became of a line, as the import reports it: {@code accepted}, {@code replayed}, {@code valid} (a dry run's
     * line that would have been stored), {@code correction} (the key was used before with another body: the row changed
     * since its import, and nothing was stored) or {@code problem}, with the fields the service named.
     */
    record Result(String result, String detail, JsonNode body) {}

    static Result judge(JsonNode line) {
        String kind = line.get("result").asString();
        JsonNode body = line.path("body");
        if (!kind.equals("problem")) {
            return new Result(kind.equals("rolled-back") ? "valid" : kind, null, body);
        }
        JsonNode errors = body.path("errors");
        if (errors.size() == 1 && errors.get(0).path("field").asString("").equals("idempotencyKey")) {
            return new Result(
                    "correction",
                    "changed since it was first imported, and nothing was stored: the platform records corrections of"
                            + " tenancies only",
                    body);
        }
        List<String> named = new ArrayList<>();
        errors.forEach(e -> named.add(
                e.path("field").asString("") + ": " + e.path("message").asString("")));
        return new Result(
                "problem",
                line.get("status").asInt() + " "
                        + (named.isEmpty() ? body.path("detail").asString("") : String.join("; ", named)),
                body);
    }

    /**
     * A line that corrects what a key's first request recorded at {@code location} (the first answer's, which a
     * {@code correction} result carries). Its key is the first key and a digest of the corrected values, so that the
     * same correction sent again is replayed and another one is recorded.
     */
    static Line correction(int row, String key, String location, Map<String, Object> body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            return new Line(
                    row,
                    key + ":correction:" + HexFormat.of().formatHex(digest).substring(0, 16),
                    location + "/corrections",
                    body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What became of a correction line: {@code corrected} or {@code replayed}, with its recording time, or else. */
    static Result corrected(JsonNode line) {
        Result judged = judge(line);
        String at = judged.body().path("recordedAt").asString("?");
        return switch (judged.result()) {
            case "accepted" -> new Result("corrected", "recorded as a correction at " + at, judged.body());
            case "replayed" -> new Result("replayed", "its correction was recorded at " + at, judged.body());
            case "valid" -> new Result("valid", "as a correction", judged.body());
            default -> new Result(judged.result(), "the correction: " + judged.detail(), judged.body());
        };
    }

    /**
     * Prints one line per outcome, as {@code line} writes it, then the count of each result; true when no outcome was
     * refused or a correction.
     */
    static <T> boolean report(List<T> outcomes, Function<T, String> result, Function<T, String> line, PrintStream out) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (T outcome : outcomes) {
            counts.merge(result.apply(outcome), 1, Integer::sum);
            out.println(line.apply(outcome));
        }
        out.println("records: " + outcomes.size() + " " + counts);
        return !counts.containsKey("problem") && !counts.containsKey("correction");
    }

    /** The import cannot go on: a refused request, an unreachable service, a file that does not fit the template. */
    static final class ImportFailed extends RuntimeException {
        ImportFailed(String message) {
            super(message);
        }
    }
}
