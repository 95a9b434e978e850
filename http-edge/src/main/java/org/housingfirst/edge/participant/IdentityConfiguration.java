package org.housingfirst.edge.participant;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.housingfirst.identity.Pseudonymiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pseudonym key: base64, at least 32 bytes, from configuration (an environment variable or a secret store in
 * production); every service that pseudonymises uses the same key. During a key rotation the previous key is
 * configured beside it ({@code platform.identity.previous-pseudonym-key}). The services that receive identity numbers
 * also reach the identity vault, a database of its own ({@code platform.identity.vault.url}).
 */
@AutoConfiguration
public class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    Pseudonymiser pseudonymiser(@Value("${platform.identity.pseudonym-key}") String base64Key) {
        return key(base64Key);
    }

    /** The key being replaced during a key rotation, if one runs. */
    @Bean
    PreviousPseudonymKey previousPseudonymKey(
            @Value("${platform.identity.previous-pseudonym-key:}") String previousKey) {
        return new PreviousPseudonymKey(previousKey.isBlank() ? Optional.empty() : Optional.of(key(previousKey)));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("platform.identity.vault.url")
    VaultDataSource identityVaultDataSource(
            @Value("${platform.identity.vault.url}") String url,
            @Value("${platform.identity.vault.username:postgres}") String username,
            @Value("${platform.identity.vault.password:}") String password,
            @Value("${platform.identity.vault.pool-size:5}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("identity-vault");
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(poolSize);
        // the vault's own schema history, so that it never mixes with a service's (the vault may share a server)
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/identity")
                .table("identity_schema_history")
                .load()
                .migrate();
        return new VaultDataSource(dataSource);
    }

    @Bean
    @ConditionalOnProperty("platform.identity.vault.url")
    IdentityVault identityVault(
            VaultDataSource vault,
            Pseudonymiser pseudonymiser,
            PreviousPseudonymKey previous,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        IdentityVault identityVault = new IdentityVault(vault.dataSource(), pseudonymiser, previous.key(), clock);
        meters.ifAvailable(registry -> Gauge.builder("identity.vault.not.rekeyed", identityVault::notYetRekeyed)
                .description("participants the current pseudonym key does not reach yet (a rotation is complete at 0)")
                .register(registry));
        return identityVault;
    }

    @Bean
    @ConditionalOnProperty("platform.identity.vault.url")
    ParticipantErasures participantErasures(
            IdentityVault vault,
            List<ParticipantData> stores,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            @Value("${spring.application.name}") String service,
            ObjectProvider<MeterRegistry> meters) {
        // participants recorded before the vault keep their pseudonyms as ids: linked to themselves, once
        vault.importLegacy(
                        service,
                        () -> stores.stream()
                                .flatMap(store -> store.participantIds().stream())
                                .distinct()
                                .toList())
                .ifPresent(linked -> log.info("linked {} participants recorded before the identity vault", linked));
        return new ParticipantErasures(
                vault,
                stores,
                jdbc,
                new TransactionTemplate(transactions),
                service,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnProperty("platform.identity.vault.url")
    WebMvcConfigurer erasedParticipants(IdentityVault vault) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ErasedParticipants(vault)).addPathPatterns("/api/**");
            }
        };
    }

    private static Pseudonymiser key(String base64Key) {
        return new Pseudonymiser(Base64.getDecoder().decode(base64Key.strip()));
    }

    /**
     * The vault's connections, in a type of their own: a bean of type {@code DataSource} would replace the service's
     * own.
     */
    public record VaultDataSource(HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }

    /** The pseudonym key being replaced during a rotation (ADR 0006); empty otherwise. */
    public record PreviousPseudonymKey(Optional<Pseudonymiser> key) {}
}
