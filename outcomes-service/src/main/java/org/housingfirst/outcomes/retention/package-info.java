/**
 * Housing retention at fixed horizons (domain brief §2.2, §8.3), computed from each participant's tenancy spells as
 * known at a given instant. Pure functions; definitions and worked examples in docs/metrics.md.
 */
package org.housingfirst.outcomes.retention;
