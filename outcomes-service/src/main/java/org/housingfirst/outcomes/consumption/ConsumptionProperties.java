package org.housingfirst.outcomes.consumption;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topics the topics to consume
 * @param groupId the Kafka consumer group; offsets live in the database, the group only spreads partitions
 */
@ConfigurationProperties("platform.consumption")
public record ConsumptionProperties(List<String> topics, String groupId) {}
