/** support-service's own configuration: its OpenAPI description. The shared edge and outbox configure themselves. */
package org.housingfirst.support.config;
