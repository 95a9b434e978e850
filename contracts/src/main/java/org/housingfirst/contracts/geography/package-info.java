/** Versioned code lists of municipalities and counties, shipped as reference data in {@code reference/geography}. */
package org.housingfirst.contracts.geography;
