/**
 * The demo-data generator: a seeded synthetic history of Housing First programmes in Swedish and Norwegian
 * municipalities, posted through tenancy-service's and support-service's public REST APIs exactly as a client system
 * would.
 */
package org.housingfirst.demo;
