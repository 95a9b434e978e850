/**
 * Events published by tenancy-service on {@code tenancy.events.v1}: housing offers, tenancies, risks, temporary
 * absences, endings and sustained-tenancy milestones. {@link org.housingfirst.contracts.tenancy.TenancyEvents} lists them.
 */
package org.housingfirst.contracts.tenancy;
