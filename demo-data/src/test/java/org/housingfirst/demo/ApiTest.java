package org.housingfirst.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiTest {

    /* A rerun posts the same bytes under the same idempotency key, whatever order Map.of iterates in this JVM. */
    @Test
    void bodiesAreWrittenWithTheirKeysInOrder() {
        Map<String, Object> body = Map.of(
                "zeta", 1, "alpha", Map.of("value", "x", "scheme", "y"), "mu", 2, "beta", 3, "omega", 4, "kappa", 5);
        assertThat(new String(Api.JSON.writeValueAsBytes(body)))
                .isEqualTo("{\"alpha\":{\"scheme\":\"y\",\"value\":\"x\"},\"beta\":3,\"kappa\":5,\"mu\":2,\"omega\":4,"
                        + "\"zeta\":1}");
    }
}
