/**
 * What every figure shares: its shape ({@link org.housingfirst.outcomes.figures.Figure}), the cache that keeps it per
 * key until its scope changes, and the one rule for its standing against the first release.
 */
package org.housingfirst.outcomes.figures;
