/** Metric endpoints for dashboards: figures for the caller's municipality, as of a business date and as known at an instant. */
package org.housingfirst.outcomes.metrics;
