/**
 * Every error as an RFC 9457 problem detail that names the field at fault. Messages never repeat the rejected value,
 * so an identity number sent by mistake cannot come back in a response or a log line.
 */
package org.housingfirst.edge.problems;
