/**
 * The platform's public event vocabulary: one sub-package per producing service.
 * Records here are immutable contracts, each with a revision, a JSON Schema and a golden sample.
 */
package org.housingfirst.contracts;
