/**
 * A participant's housing history within one municipality: offers, tenancies, risks, absences and endings.
 * Publishes every {@link org.housingfirst.contracts.tenancy.TenancyEvent} except the milestones, which come from
 * {@code milestones}.
 */
package org.housingfirst.tenancy.tenancy;
