package org.housingfirst.outcomes.consumption;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** The partitions of the consumed topics, where each begins and where it ends, asked of the broker. */
@Component
class TopicOffsets implements DisposableBean {

    private static final long TIMEOUT_SECONDS = 10;

    private final KafkaAdmin admin;
    private final ConsumptionProperties properties;
    private Admin client;

    TopicOffsets(KafkaAdmin admin, ConsumptionProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    private synchronized Admin client() {
        if (client == null) {
            client = Admin.create(admin.getConfigurationProperties());
        }
        return client;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close(Duration.ofSeconds(5));
        }
    }

    List<TopicPartition> partitions() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, TopicDescription> topics =
                    client().describeTopics(properties.topics()).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            topics.values()
                    .forEach(t ->
                            t.partitions().forEach(p -> partitions.add(new TopicPartition(t.name(), p.partition()))));
            return partitions;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw failure(e);
        }
    }

    /** The first offset each partition still holds: 0 while the topic keeps its whole history. */
    Map<TopicPartition, Long> earliest(Collection<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.earliest());
    }

    /** The offset after the last record of each partition. */
    Map<TopicPartition, Long> latest(Collection<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.latest());
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    client().listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((p, info) -> result.put(p, info.offset()));
            return result;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("the broker did not answer about the consumed topics", e);
    }
}
