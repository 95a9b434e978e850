-- http-edge: idempotency keys. Each service lists classpath:db/edge in spring.flyway.locations.
-- One row per Idempotency-Key, written in the same transaction as the events the request stored.
CREATE TABLE idempotent_request (
    scope        VARCHAR(220) NOT NULL,
    request_key  VARCHAR(200) NOT NULL,
    fingerprint  VARCHAR(52)  NOT NULL,
    status       INTEGER      NOT NULL,
    content_type VARCHAR(100),
    body         BYTEA        NOT NULL,
    location     VARCHAR(500),
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, request_key)
);
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
