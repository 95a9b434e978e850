/**
 * The shapes of the text a request may carry besides the participant's identity: programme ids, version labels, item
 * codes. Each is short, has a fixed alphabet without control characters, and holds at most six digits, so it cannot
 * carry an identity number (ten to twelve digits) into an event, a topic or a read model.
 */
package org.housingfirst.edge.fields;
