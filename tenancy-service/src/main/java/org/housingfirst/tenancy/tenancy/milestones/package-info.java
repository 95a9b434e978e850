/**
 * Sustained-tenancy milestones at 6, 12 and 24 months: a schedule in PostgreSQL and a poller that emits those that
 * fall due, through the housing history, so they survive restarts and never follow an ending.
 */
package org.housingfirst.tenancy.tenancy.milestones;
