/**
 * Guards in front of every controller: a request body size limit and {@code Idempotency-Key} handling, whose record is
 * written in the same transaction as the events the request stores.
 */
package org.housingfirst.edge.requests;
