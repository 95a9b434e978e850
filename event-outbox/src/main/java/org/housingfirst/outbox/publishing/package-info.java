/**
 * Event store to Kafka: a tracking processor with a persisted token acts as the outbox and publishes every contract
 * event to the service's topic ({@code platform.publishing.topic}) as a structured-mode CloudEvent keyed by its
 * partition key. At least once; a redelivered event keeps its CloudEvents id.
 */
package org.housingfirst.outbox.publishing;
