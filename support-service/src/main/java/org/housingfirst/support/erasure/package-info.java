/** Erasure of a participant by identity number, for the municipality's data protection officer (ADR 0006). */
package org.housingfirst.support.erasure;
