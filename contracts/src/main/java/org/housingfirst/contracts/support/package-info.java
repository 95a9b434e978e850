/**
 * Events published by support-service on {@code support.events.v1}: enrolment, consent, exit, voluntary support
 * (offered, accepted, declined), contacts, quality-of-life scores and programme fidelity.
 * {@link org.housingfirst.contracts.support.SupportEvents} lists them.
 */
package org.housingfirst.contracts.support;
