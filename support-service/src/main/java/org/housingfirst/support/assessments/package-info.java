/**
 * Quality-of-life and fidelity assessments: answers are scored here, stored here, and only the scores are published
 * ({@code QualityOfLifeAssessed}, {@code FidelityAssessed}).
 */
package org.housingfirst.support.assessments;
