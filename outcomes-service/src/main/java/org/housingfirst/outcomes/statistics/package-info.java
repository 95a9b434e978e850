/**
 * National statistics: disclosure-controlled tables of the outcome metrics by municipality, county and nation and by
 * sex, age band and move-in cohort, served in a PxWebApi-2.0-shaped API as JSON-stat 2.0 and CSV.
 */
package org.housingfirst.outcomes.statistics;
