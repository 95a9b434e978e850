package org.housingfirst.edge.requests;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.housingfirst.edge.participant.IdentityConfiguration;
import org.housingfirst.identity.Pseudonymiser;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** Registers the size limit before security and idempotency after it, and expires old idempotency records. */
@AutoConfiguration
public class RequestFilters {

    /** The bulk endpoint: a larger body, and idempotency keys per line instead of per request. */
    public static final String BULK_PATH = "/api/v1/bulk";

    /**
     * The statistics API (PxWebApi 2.0), whose only POST is a query that changes nothing: no idempotency key applies,
     * and none is stored.
     */
    public static final String QUERY_API = "/api/v2/";

    private static final int BEFORE_SECURITY = -200;
    private static final int AFTER_SECURITY = 0;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    RequestFilters(JdbcClient jdbc, Clock clock, @Value("${platform.idempotency.retention:P7D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
            @Value("${platform.requests.max-body-size:256KB}") DataSize maxBodySize,
            @Value("${platform.bulk.max-body-size:32MB}") DataSize maxBulkBodySize) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(maxBodySize.toBytes(), BULK_PATH, maxBulkBodySize.toBytes()));
        registration.setOrder(BEFORE_SECURITY);
        return registration;
    }

    @Bean
    IdempotentRequests idempotentRequests(
            Pseudonymiser pseudonymiser, IdentityConfiguration.PreviousPseudonymKey previous) {
        return new IdempotentRequests(jdbc, pseudonymiser, previous.key(), clock);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotency(
            TransactionTemplate transactions, IdempotentRequests idempotentRequests) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(idempotentRequests, transactions, BULK_PATH));
        registration.setOrder(AFTER_SECURITY);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * Picked up by Spring Boot's Flyway configuration with the migrations of {@code classpath:db/edge}; static, since
     * Flyway runs before this configuration's JDBC client exists.
     */
    @Bean
    static JavaMigration hashIdempotencyKeys(Pseudonymiser pseudonymiser) {
        return new HashIdempotencyKeys(pseudonymiser);
    }

    /** Documents the optional Idempotency-Key header on every POST of the OpenAPI description. */
    @Bean
    OpenApiCustomizer idempotencyKeyOnPosts() {
        return api -> api.getPaths().entrySet().stream()
                .filter(path -> path.getValue().getPost() != null
                        && !path.getKey().equals(BULK_PATH)
                        && !path.getKey().startsWith(QUERY_API))
                .map(java.util.Map.Entry::getValue)
                .forEach(path -> path.getPost()
                        .addParametersItem(new HeaderParameter()
                                .name(IdempotentRequests.HEADER)
                                .required(false)
                                .description("A retry with the same key returns the first response and stores"
                                        + " nothing twice; the same key with a different body is a 422.")
                                .schema(new StringSchema().maxLength(200))));
    }

    @Scheduled(fixedDelayString = "${platform.idempotency.cleanup-interval:PT1H}")
    void expireIdempotencyRecords() {
        jdbc.sql("DELETE FROM idempotent_request WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(retention)))
                .update();
    }
}
