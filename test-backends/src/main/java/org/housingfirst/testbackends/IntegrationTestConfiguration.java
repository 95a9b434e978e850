package org.housingfirst.testbackends;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A controllable clock and the backends' connection properties for {@code @SpringBootTest}s. */
@TestConfiguration(proxyBeanMethods = false)
public class IntegrationTestConfiguration {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    public static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZONE);
    public static final String PSEUDONYM_KEY = "dGVzdC1wc2V1ZG9ueW0ta2V5LWZvci1pbnRlZ3JhdGlvbi10ZXN0cw==";

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(NOW.toInstant(), ZONE);
    }

    /** Registers a fresh database, the in-JVM broker and the test secrets. */
    /** Calls one client may make to outcomes-service's statistics API per time window, in tests. */
    public static final int STATISTICS_CALLS = 600;

    public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
        String url = TestBackends.freshDatabase(databasePrefix);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestBackends::user);
        registry.add("spring.datasource.password", TestBackends::password);
        registry.add("spring.kafka.bootstrap-servers", TestBackends::kafkaBootstrapServers);
        registry.add("platform.identity.pseudonym-key", () -> PSEUDONYM_KEY);
        registry.add("platform.security.hmac-secret", () -> TestTokens.SECRET);
        registry.add("platform.milestones.initial-delay", () -> "PT1H");
        // national statistics releases only when a test asks for them
        registry.add("platform.statistics.publication-cron", () -> "-");
        // Every test token has the same subject, so all of a test's calls to the statistics API are one client's; this
        // many per window lets the tests that read many tables run, and PxWebApiIT go past it to see the 429.
        registry.add("platform.statistics.max-calls-per-time-window", () -> String.valueOf(STATISTICS_CALLS));
        registry.add("logging.structured.format.console", () -> "");
        // The in-JVM broker logs its own harmless start-up state changes at ERROR.
        registry.add("logging.level.state.change.logger", () -> "OFF");
    }

    /** Registers a fresh identity vault, for the services that receive identity numbers; erasures sweep often. */
    public static void registerVault(DynamicPropertyRegistry registry) {
        String vault = TestBackends.freshDatabase("identity");
        registry.add("platform.identity.vault.url", () -> vault);
        registry.add("platform.identity.vault.username", TestBackends::user);
        registry.add("platform.identity.vault.password", TestBackends::password);
        registry.add("platform.identity.erasure-sweep", () -> "PT0.5S");
    }

    /** The command-line arguments that point a service at the identity vault {@code vaultUrl}. */
    public static List<String> vaultArguments(String vaultUrl) {
        return List.of(
                "--platform.identity.vault.url=" + vaultUrl,
                "--platform.identity.vault.username=" + TestBackends.user(),
                "--platform.identity.vault.password=" + TestBackends.password());
    }
}
