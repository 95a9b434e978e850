package org.housingfirst.outcomes.consumption;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topics the topics to consume
 * @param groupId the Kafka consumer group; positions live in the database, the group only spreads partitions
 * @param stallAfter health turns DOWN when records wait and the consumer has not advanced for this long
 * @param concurrency consumer threads per instance, each with its own partitions: one parses and validates while
 *     another waits for the database
 */
@ConfigurationProperties("platform.consumption")
public record ConsumptionProperties(
        List<String> topics,
        String groupId,
        @DefaultValue("PT2M") Duration stallAfter,
        @DefaultValue("2") int concurrency) {}
