-- Every contract event from tenancy.events.v1 and support.events.v1, once (deduplicated by event id), with both time
-- axes: the business date and the instant the producer recorded it. Metrics are computed from this set, so the order
-- in which the two topics deliver events cannot change a result.
CREATE TABLE event_log (
    event_id          UUID         PRIMARY KEY,
    type              VARCHAR(120) NOT NULL,
    partition_key     VARCHAR(100) NOT NULL,
    country           CHAR(2)      NOT NULL,
    municipality_code CHAR(4)      NOT NULL,
    occurred_on       DATE         NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL,
    data              JSONB        NOT NULL
);
CREATE INDEX event_log_scope ON event_log (country, municipality_code, type, recorded_at);

-- The consumer's position, written in the same transaction as the events it covers: exactly-once effect.
CREATE TABLE consumer_offset (
    topic       VARCHAR(200) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Records that are not contract events, kept for inspection instead of blocking the partition.
CREATE TABLE rejected_record (
    topic      VARCHAR(200) NOT NULL,
    partition  INTEGER      NOT NULL,
    "offset"   BIGINT       NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    PRIMARY KEY (topic, partition, "offset")
);
