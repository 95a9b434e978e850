/**
 * Quality-of-life change from baseline to a follow-up time point, per instrument, version and score, with a 95 %
 * confidence interval. Never mixes instrument versions or EQ-5D value sets.
 */
package org.housingfirst.outcomes.qualityoflife;
