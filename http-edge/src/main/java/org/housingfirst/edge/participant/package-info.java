/**
 * How requests name a participant, and the edge where an identity number becomes a pseudonym. Clear numbers live only
 * inside the request that carried them.
 */
package org.housingfirst.edge.participant;
