package org.housingfirst.tenancy.requests;

import java.time.Clock;
import java.time.Duration;
import org.housingfirst.identity.Pseudonymiser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** Registers the size limit before security and idempotency after it, and expires old idempotency records. */
@Configuration
class RequestFilters {

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
            @Value("${platform.requests.max-body-size:256KB}") DataSize maxBodySize) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBodySize.toBytes()));
        registration.setOrder(BEFORE_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotency(
            TransactionTemplate transactions, Pseudonymiser pseudonymiser) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, transactions, pseudonymiser, clock));
        registration.setOrder(AFTER_SECURITY);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Scheduled(fixedDelayString = "${platform.idempotency.cleanup-interval:PT1H}")
    void expireIdempotencyRecords() {
        jdbc.sql("DELETE FROM idempotent_request WHERE created_at < ?")
                .param(java.sql.Timestamp.from(clock.instant().minus(retention)))
                .update();
    }
}
