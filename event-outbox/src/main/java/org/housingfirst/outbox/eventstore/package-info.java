/**
 * Axon's JDBC event store and token store on the service's own PostgreSQL database, events stored with their contract
 * revision, and failing event handlers that fail their unit of work instead of being skipped.
 */
package org.housingfirst.outbox.eventstore;
