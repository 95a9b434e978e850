/** outcomes-service's own configuration: its OpenAPI description. The shared edge configures itself. */
package org.housingfirst.outcomes.config;
