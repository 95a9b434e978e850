package org.housingfirst.outbox.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.ContractRevision;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon: events are stored with their contract revision, and a failing event handler fails its unit of work instead of
 * being logged and skipped, so a view never silently misses an event and the publisher retries.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class AxonConfiguration {

    @Bean
    RevisionResolver contractRevisionResolver() {
        return type -> {
            ContractRevision revision = type.getAnnotation(ContractRevision.class);
            return revision == null || !ContractEvent.class.isAssignableFrom(type) ? null : revision.value();
        };
    }

    /**
     * The snapshot trigger of every aggregate ({@code @Aggregate(snapshotTriggerDefinition = "eventCountSnapshots")}):
     * a snapshot once an aggregate has been loaded or changed with more than
     * {@code platform.snapshots.every-events} events since its last one.
     */
    @Bean
    SnapshotTriggerDefinition eventCountSnapshots(
            Snapshotter snapshotter, @Value("${platform.snapshots.every-events:25}") int everyEvents) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, everyEvents);
    }

    @Bean
    ConfigurerModule failingHandlersFailTheirUnitOfWork() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
