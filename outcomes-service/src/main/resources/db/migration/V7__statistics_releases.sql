-- National statistics releases. A release freezes, for one country and reference quarter, every national table as
-- published: the documents served (JSON-stat 2.0 and CSV, byte for byte) and the cells they were made from, hidden
-- counts included (never served; kept so that later releases can be audited against what is already public). A
-- revision is a new release with the next sequence number. Kept outside the projection versions: a rebuild never
-- touches them, and neither may anything else (the triggers refuse UPDATE, DELETE and TRUNCATE).
CREATE TABLE statistics_release (
    release_id        VARCHAR(40)  PRIMARY KEY,
    country           CHAR(2)      NOT NULL,
    period            VARCHAR(6)   NOT NULL,
    sequence          INTEGER      NOT NULL CHECK (sequence >= 1),
    published_at      TIMESTAMPTZ  NOT NULL,
    -- the event log position the figures were computed from
    event_version     BIGINT       NOT NULL,
    disclosure_policy TEXT         NOT NULL,
    code_list_version VARCHAR(40)  NOT NULL,
    note              TEXT         NOT NULL,
    UNIQUE (country, period, sequence)
);

CREATE TABLE statistics_release_table (
    release_id         VARCHAR(40) NOT NULL REFERENCES statistics_release,
    table_id           VARCHAR(10) NOT NULL,
    definition_version TEXT        NOT NULL,
    cells              JSONB       NOT NULL,
    json_stat          BYTEA       NOT NULL,
    csv                BYTEA       NOT NULL,
    PRIMARY KEY (release_id, table_id)
);

CREATE FUNCTION statistics_release_is_frozen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a published statistics release is immutable (%)', TG_OP;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER statistics_release_frozen BEFORE UPDATE OR DELETE ON statistics_release
    FOR EACH ROW EXECUTE FUNCTION statistics_release_is_frozen();
CREATE TRIGGER statistics_release_truncate BEFORE TRUNCATE ON statistics_release
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_release_is_frozen();
CREATE TRIGGER statistics_release_table_frozen BEFORE UPDATE OR DELETE ON statistics_release_table
    FOR EACH ROW EXECUTE FUNCTION statistics_release_is_frozen();
CREATE TRIGGER statistics_release_table_truncate BEFORE TRUNCATE ON statistics_release_table
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_release_is_frozen();
