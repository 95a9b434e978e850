/**
 * Consumes tenancy.events.v1 and support.events.v1 with exactly-once effect: each CloudEvent is stored once by its id,
 * and the consumer's offsets are written in the same transaction, so a redelivery or a replay changes nothing.
 */
package org.housingfirst.outcomes.consumption;
