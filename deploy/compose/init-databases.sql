-- One database per service (each service's Flyway creates its own tables).
CREATE DATABASE tenancy;
CREATE DATABASE support;
CREATE DATABASE outcomes;
