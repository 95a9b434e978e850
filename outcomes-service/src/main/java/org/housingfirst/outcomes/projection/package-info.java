/**
 * The typed, bitemporal projections of both topics, maintained in the consuming transaction, each with its own queries
 * returning typed rows. Events arrive here as contract records; nothing reads JSON fields or event-type strings.
 */
package org.housingfirst.outcomes.projection;
