/**
 * The municipality's data protection officer's tools (ADR 0006): erasure by identity number, erasure when a
 * retention period ends, and the subject access export that gathers every service's part.
 */
package org.housingfirst.support.dataprotection;
