-- One database per service (each service's Flyway creates its own tables).
CREATE DATABASE tenancy;
CREATE DATABASE support;
CREATE DATABASE outcomes;
-- The identity vault (ADR 0006), shared by tenancy-service and support-service.
CREATE DATABASE identity;
