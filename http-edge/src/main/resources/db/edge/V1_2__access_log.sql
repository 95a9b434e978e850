-- http-edge: the access log (issue 13). One row per read of participant-level data (erasures will be logged here too). Append-only:
-- the triggers refuse UPDATE, DELETE and TRUNCATE, whoever asks; only dropping the table removes entries.
CREATE TABLE access_log (
    id             BIGSERIAL    PRIMARY KEY,
    at             TIMESTAMPTZ  NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    organisation   VARCHAR(100) NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    country        VARCHAR(2)   NOT NULL,
    municipality   VARCHAR(4)   NOT NULL,
    participant_id VARCHAR(52),
    action         VARCHAR(40)  NOT NULL,
    resource       VARCHAR(300) NOT NULL,
    purpose        VARCHAR(200)
);
CREATE INDEX access_log_participant ON access_log (participant_id, at);
CREATE INDEX access_log_municipality ON access_log (country, municipality, at);

CREATE FUNCTION access_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only';
END;
$$;
CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_is_append_only();
