/** Programme-level fidelity to the Housing First model, from the published fidelity assessments. */
package org.housingfirst.outcomes.fidelity;
