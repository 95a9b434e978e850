/**
 * What the aggregates and their commands share, in plain Java: typed ids ({@link org.housingfirst.domain.ParticipantId},
 * {@link org.housingfirst.domain.UuidId} and its kinds), {@link org.housingfirst.domain.EventContext},
 * {@link org.housingfirst.domain.RuleViolation} (a {@link org.housingfirst.domain.RejectedRequest}) and
 * {@link org.housingfirst.domain.BusinessDates}. The domain depends on this package, never on the web edge; the edge
 * turns a rejection into a problem detail.
 */
package org.housingfirst.domain;
