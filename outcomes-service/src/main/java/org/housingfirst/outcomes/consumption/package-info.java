/**
 * Consumes tenancy.events.v1 and support.events.v1 with exactly-once effect: each record becomes its contract record
 * once, is stored in the event log and the projections with the consumer's positions in one transaction, or is set
 * aside with its reason; rebuilds replay both topics into a new projection version beside the active one.
 */
package org.housingfirst.outcomes.consumption;
