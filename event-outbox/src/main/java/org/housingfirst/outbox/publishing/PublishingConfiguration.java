package org.housingfirst.outbox.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.housingfirst.outbox.eventstore.EventStoreConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The publisher, its topic ({@code platform.publishing.topic}), Kafka's health and the publisher's lag. */
@AutoConfiguration(after = EventStoreConfiguration.class)
public class PublishingConfiguration {

    /**
     * The topic keeps every event for ever: outcomes-service rebuilds its projections by replaying topics from offset 0,
     * and Kafka's default retention (7 days) would quietly leave it a fraction of the history. With
     * {@code spring.kafka.admin.modify-topic-configs} an existing topic gets these settings too.
     */
    @Bean
    NewTopic eventsTopic(
            @Value("${platform.publishing.topic}") String topic,
            @Value("${platform.publishing.partitions:6}") int partitions,
            @Value("${platform.publishing.replicas:1}") int replicas) {
        return TopicBuilder.name(topic)
                .partitions(partitions)
                .replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }

    @Bean
    KafkaPublisher kafkaPublisher(
            KafkaTemplate<String, byte[]> kafka,
            MeterRegistry meters,
            @Value("${platform.publishing.topic}") String topic,
            @Value("${platform.publishing.source}") String source,
            @Value("${platform.publishing.ack-timeout:PT30S}") Duration ackTimeout) {
        return new KafkaPublisher(kafka, new CloudEventWriter(source), topic, meters, ackTimeout.toMillis());
    }

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    /** Events stored but not yet published: the head of the event store minus the publisher's position. */
    @Bean
    Gauge publisherLag(MeterRegistry meters, JdbcClient jdbc, EventProcessingConfiguration processing) {
        return Gauge.builder("outbox.publisher.lag", () -> {
                    long head = jdbc.sql("SELECT COALESCE(MAX(globalindex), -1) FROM domainevententry")
                            .query(Long.class)
                            .single();
                    long position = processing
                            .eventProcessor(KafkaPublisher.GROUP, StreamingEventProcessor.class)
                            .map(p -> p.processingStatus().values().stream()
                                    .map(s -> s.getCurrentPosition())
                                    .mapToLong(o -> o.orElse(-1L))
                                    .min()
                                    .orElse(-1L))
                            .orElse(-1L);
                    return Math.max(0, head - position);
                })
                .description("Events in the event store not yet published to Kafka")
                .baseUnit("events")
                .register(meters);
    }
}
