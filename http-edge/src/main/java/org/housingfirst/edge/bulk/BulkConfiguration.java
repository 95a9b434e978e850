package org.housingfirst.edge.bulk;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import org.housingfirst.edge.requests.IdempotentRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The bulk endpoint of every service: up to {@code platform.bulk.max-lines} (10,000) lines, run in chunks of
 * {@code platform.bulk.chunk-size} (500). Off where a service takes no commands ({@code platform.bulk.enabled: false}).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "platform.bulk.enabled", havingValue = "true", matchIfMissing = true)
public class BulkConfiguration {

    @Bean
    BulkRequests bulkRequests(
            @Lazy @Qualifier("springSecurityFilterChain") Filter security,
            @Lazy DispatcherServlet dispatcher,
            IdempotentRequests idempotency,
            PlatformTransactionManager transactions,
            ObjectProvider<MeterRegistry> meters,
            @Value("${platform.bulk.chunk-size:500}") int chunkSize,
            @Value("${platform.requests.max-body-size:256KB}") org.springframework.util.unit.DataSize maxBodySize) {
        return new BulkRequests(
                security,
                dispatcher,
                idempotency,
                transactions,
                meters.getIfAvailable(SimpleMeterRegistry::new),
                chunkSize,
                maxBodySize.toBytes());
    }

    @Bean
    BulkController bulkController(BulkRequests bulk, @Value("${platform.bulk.max-lines:10000}") int maxLines) {
        return new BulkController(bulk, maxLines);
    }
}
