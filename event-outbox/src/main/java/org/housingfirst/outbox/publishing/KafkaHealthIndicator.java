package org.housingfirst.outbox.publishing;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** Kafka is up when the cluster answers within the timeout; part of readiness, since publishing needs it. */
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private static final int TIMEOUT_MILLIS = 3000;

    private final KafkaAdmin admin;

    KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            // The cluster id is not shown: it also names the checkout's databases, and the probe is public.
            client.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
                    .clusterId()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            builder.up();
        }
    }
}
