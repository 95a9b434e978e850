/**
 * Participant identity at the edge: validates personnummer, samordningsnummer, fødselsnummer and D-nummer, normalises
 * them and replaces them with an HMAC-SHA-256 pseudonym. Nothing here ever puts a clear number in a message.
 */
package org.housingfirst.identity;
