/**
 * Movement into, through and out of programme housing: the HUD 7b.2-style period ratio, returns to homelessness after
 * a positive exit, and time from enrolment to housing. Pure functions; definitions and worked examples in
 * docs/metrics.md.
 */
package org.housingfirst.outcomes.pathways;
