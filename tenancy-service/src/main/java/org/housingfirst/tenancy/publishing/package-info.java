/**
 * Event store to Kafka: a tracking processor with a persisted token acts as the outbox and publishes every contract
 * event to {@code tenancy.events.v1} as a structured-mode CloudEvent keyed by participant pseudonym. At least once;
 * a redelivered event keeps its CloudEvents id.
 */
package org.housingfirst.tenancy.publishing;
