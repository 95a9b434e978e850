/** Small single-purpose configuration: the clock, the pseudonymiser key, Axon's processors and the OpenAPI document. */
package org.housingfirst.tenancy.config;
