/**
 * A participant's support history within one municipality: enrolment, consent, exit, support episodes with their
 * offers, answers and contacts, and quality-of-life assessments. Publishes the participant events of {@link
 * org.housingfirst.contracts.support.SupportEvent}.
 */
package org.housingfirst.support.support;
