/**
 * Scoring of quality-of-life instruments (WHOQOL-BREF, MANSA, EQ-5D-5L) and of programme fidelity, from item answers
 * that never leave support-service. Pure functions; rules and worked examples in docs/services/support-service.md.
 */
package org.housingfirst.support.scoring;
