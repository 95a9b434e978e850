package org.housingfirst.edge.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A deployment that keeps its statistics private: the statistics API then answers only the roles that read them. */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivateStatisticsTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        EdgeHttpTest.register(registry);
        registry.add("platform.security.public-statistics", () -> "false");
    }

    @Test
    void onlyTheRolesThatReadStatisticsAreAnswered() {
        Api api = new Api(port);
        Api.Response anonymous = api.get("/api/v2/config", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
        for (String role : new String[] {"national", "analyst", "reporter"}) {
            assertThat(api.get("/api/v2/config", TestTokens.token(role, "SE", "1280", "org"))
                            .status())
                    .as(role)
                    .isEqualTo(200);
        }
        for (String role : new String[] {"operator", "dpo"}) {
            assertThat(api.get("/api/v2/config", TestTokens.token(role, "SE", "1280", "org"))
                            .status())
                    .as(role)
                    .isEqualTo(403);
        }
    }
}
