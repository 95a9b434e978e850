/** The access log: reads of participant-level data, append-only, queried by the dpo role. */
package org.housingfirst.edge.access;
