package org.housingfirst.edge.bulk;

import java.util.ArrayList;
import java.util.List;
import org.housingfirst.edge.problems.FieldError;
import org.housingfirst.edge.requests.IdempotentRequests;
import org.housingfirst.edge.requests.RequestFilters;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * One line of a bulk request: {@code {"idempotencyKey": "…", "path": "/api/v1/…", "body": {…}}}, a POST to the path
 * with the body. The body's bytes are kept exactly as sent, so that the line is read as strictly as the single request
 * and its key means the same on both paths. A line that cannot be read carries its field errors instead; they name the
 * field, never the value.
 */
record BulkLine(int number, String idempotencyKey, String path, byte[] body, List<FieldError> errors) {

    static final int MAX_PATH_LENGTH = 2000;
    private static final String API = "/api/v1/";
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    boolean readable() {
        return errors.isEmpty();
    }

    /** Reads line {@code number} (from 1) of the request. */
    static BulkLine read(int number, byte[] line) {
        List<FieldError> errors = new ArrayList<>();
        String key = null;
        String path = null;
        byte[] body = null;
        try (JsonParser parser = JSON.createParser(tools.jackson.core.ObjectReadContext.empty(), line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return invalid(number, "line", "must be one JSON object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "idempotencyKey" -> key = value == JsonToken.VALUE_STRING ? parser.getString() : "";
                    case "path" -> path = value == JsonToken.VALUE_STRING ? parser.getString() : "";
                    case "body" -> {
                        if (value != JsonToken.START_OBJECT) {
                            errors.add(new FieldError("body", "must be a JSON object"));
                            parser.skipChildren();
                        } else {
                            int start = (int) parser.currentTokenLocation().getByteOffset();
                            parser.skipChildren();
                            int end = (int) parser.currentLocation().getByteOffset();
                            body = java.util.Arrays.copyOfRange(line, start, end);
                        }
                    }
                    default -> {
                        // the name may be anything a client typed: never echoed
                        errors.add(new FieldError("line", "has a field other than idempotencyKey, path and body"));
                        parser.skipChildren();
                    }
                }
            }
            if (parser.nextToken() != null) {
                return invalid(number, "line", "must be one JSON object and nothing after it");
            }
        } catch (StreamReadException e) {
            return invalid(number, "line", "is not valid JSON, or repeats a field");
        }
        if (!IdempotentRequests.validKey(key)) {
            errors.add(new FieldError("idempotencyKey", "must be 1 to 200 visible ASCII characters"));
        }
        if (path == null
                || !path.startsWith(API)
                || path.length() > MAX_PATH_LENGTH
                || path.equals(RequestFilters.BULK_PATH)
                || path.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '#')) {
            errors.add(new FieldError(
                    "path",
                    "must be a path under " + API + " of at most " + MAX_PATH_LENGTH
                            + " visible ASCII characters, other than the bulk endpoint"));
        }
        if (body == null && errors.stream().noneMatch(e -> e.field().equals("body"))) {
            errors.add(new FieldError("body", "is required: the JSON object the single request would send"));
        }
        return new BulkLine(number, key, path, body, List.copyOf(errors));
    }

    private static BulkLine invalid(int number, String field, String message) {
        return new BulkLine(number, null, null, null, List.of(new FieldError(field, message)));
    }
}
