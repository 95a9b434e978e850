/**
 * A municipality's own figures for dashboards and analysts: one query service per family of figures, computed from the
 * projections by the pure metric functions, and controllers that only bind requests to them.
 */
package org.housingfirst.outcomes.metrics;
