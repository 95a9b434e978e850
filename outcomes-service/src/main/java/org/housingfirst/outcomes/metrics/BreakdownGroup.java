package org.housingfirst.outcomes.metrics;

/**
 * One category of a breakdown of a municipality's figure.
 *
 * @param category e.g. {@code SEX:FEMALE} or {@code COHORT:2025Q1}
 * @param participants participations in the category (housed at least once by the as-of date)
 */
record BreakdownGroup<T>(String category, int participants, T result) {}
