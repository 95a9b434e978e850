-- Projection versions: the event log can be rebuilt from the topics' beginning into a new table beside the active one,
-- then switched over. Writers use the versioned tables; every query reads the view event_log, which the switch
-- repoints in the same transaction that marks the new version active.
ALTER TABLE event_log RENAME TO event_log_v1;
ALTER TABLE consumer_offset RENAME TO consumer_offset_v1;
CREATE VIEW event_log AS SELECT * FROM event_log_v1;

CREATE TABLE projection_version (
    version     INTEGER     PRIMARY KEY,
    state       VARCHAR(10) NOT NULL CHECK (state IN ('BUILDING', 'ACTIVE', 'RETIRED', 'ABANDONED')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    switched_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX projection_version_one_active ON projection_version (state) WHERE state = 'ACTIVE';
INSERT INTO projection_version (version, state, switched_at) VALUES (1, 'ACTIVE', now());
