package org.housingfirst.outcomes.consumption;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumer of both topics: spring-kafka's listener container with a batch listener. A failure the listener throws
 * is one of the infrastructure (a record's own faults are handled inside {@link BatchStore}), so the error handler
 * retries the same batch every second for as long as it takes; nothing is skipped.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    /** The container's bean name; tests stop and start it. */
    static final String CONTAINER = "outcomesEventsContainer";

    @Bean
    ConsumerFactory<String, byte[]> outcomesConsumerFactory(
            KafkaProperties kafka, ConsumptionProperties properties, MeterRegistry meters) {
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(
                config(kafka, properties.groupId()), new StringDeserializer(), new ByteArrayDeserializer());
        // the client's own metrics, among them kafka_consumer_fetch_manager_records_lag_max
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    /** Settings for reading the topics: committed transactions only, large batches, no topic created by reading. */
    static Map<String, Object> config(KafkaProperties kafka, String groupId) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // the producers create the topics, with unlimited retention; a consumer must not create them with defaults
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Producers may add partitions to a topic; see them within half a minute, not the default five.
        config.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 30_000);
        // one transaction per batch: larger batches, fewer commits
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        // A batch is about 1.5 MB; the default fetch (50 MB per consumer) would hold records the heap needs for
        // figures. A fetch response is one array: below 2 MB, it is not a "humongous" object for G1's 4 MB regions
        // (deploy/Dockerfile), each of which would start a concurrent collection.
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 3 * 512 * 1024);
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
        return config;
    }

    @Bean
    EventListener eventListener(
            BatchStore store,
            ProjectionVersions versions,
            Positions positions,
            ConsumptionProgress progress,
            TableUpkeep upkeep,
            MeterRegistry meters) {
        return new EventListener(store, versions, positions, progress, upkeep, meters);
    }

    @Bean(CONTAINER)
    ConcurrentMessageListenerContainer<String, byte[]> outcomesEventsContainer(
            ConsumerFactory<String, byte[]> outcomesConsumerFactory,
            ConsumptionProperties properties,
            EventListener eventListener) {
        ContainerProperties container =
                new ContainerProperties(properties.topics().toArray(String[]::new));
        container.setMessageListener(eventListener);
        // Kafka's committed offsets are informational (lag tools); positions are read from the database
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setPollTimeout(500);
        container.setMissingTopicsFatal(false);
        ConcurrentMessageListenerContainer<String, byte[]> listener =
                new ConcurrentMessageListenerContainer<>(outcomesConsumerFactory, container);
        listener.setCommonErrorHandler(
                new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        // a participant's events share a partition, so threads never touch the same projection row
        listener.setConcurrency(properties.concurrency());
        return listener;
    }
}
