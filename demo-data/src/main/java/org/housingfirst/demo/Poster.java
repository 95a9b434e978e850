package org.housingfirst.demo;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Sends one POST and returns the response body; {@link Api} over HTTP, a recorder in tests. */
interface Poster {

    JsonNode post(String base, String path, String token, Map<String, ?> body, String idempotencyKey);
}
