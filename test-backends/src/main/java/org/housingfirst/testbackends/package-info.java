/**
 * What every service's integration tests run against without Docker: the machine's PostgreSQL (a fresh database per
 * test class), Kafka's own KRaft broker in the test JVM, signed test tokens, a controllable clock and a plain HTTP
 * client. Used with test scope only.
 */
package org.housingfirst.testbackends;
