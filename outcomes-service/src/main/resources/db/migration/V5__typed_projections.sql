-- Typed projections maintained while consuming. Every projection version is a schema projection_v<n> whose tables
-- copy the template schema projection_template (owned by these migrations); the views of the same names in public
-- show the active version, and one transaction repoints them when a rebuilt version takes over.
--
-- Queries of a municipality read its current rows through covering partial indexes (index-only scans, which the
-- service's own VACUUM keeps possible); historical versions through (country, municipality_code, recorded_from).
--
-- Bitemporal tables: valid time is the business dates in the columns; recorded time is when the platform learned a
-- fact. A versioned row holds for "known at K" when recorded_from < K <= recorded_to ('infinity' while current); a
-- fact table's row holds when recorded_at < K. A row changed by a later event keeps its old version, closed at the
-- instant it stopped being current.
--
-- The event-log-only layout (event_log_v<n>, consumer_offset_v<n>) is dropped: the service replays both topics once
-- into version 1 (topics keep every event).
DROP VIEW IF EXISTS event_log;
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables
             WHERE schemaname = 'public' AND tablename ~ '^(event_log|consumer_offset)_v[0-9]+$'
    LOOP
        EXECUTE format('DROP TABLE %I', t.tablename);
    END LOOP;
END $$;
DROP TABLE rejected_record;
DELETE FROM projection_version;

CREATE SCHEMA projection_template;

-- Every contract event once, as published: the source for replays and audits, never read by a metric.
CREATE TABLE projection_template.event_log (
    event_id          UUID         PRIMARY KEY,
    type              VARCHAR(120) NOT NULL,
    partition_key     VARCHAR(100) NOT NULL,
    country           CHAR(2)      NOT NULL,
    municipality_code CHAR(4)      NOT NULL,
    occurred_on       DATE         NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL,
    data              JSONB        NOT NULL,
    -- grows with every stored event, across versions (one sequence): a kept figure is valid until it moves
    seq               BIGSERIAL    NOT NULL
);
CREATE UNIQUE INDEX ON projection_template.event_log (seq);
CREATE INDEX ON projection_template.event_log (country, municipality_code, seq);

-- The consumer's next offset per partition, written in the transaction of the events it covers.
CREATE TABLE projection_template.consumer_offset (
    topic       VARCHAR(200) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- One tenancy: move-in and contract from TenancyStarted, the ending from TenancyEnded. *_event/*_recorded decide
-- between competing facts about the same field group (the later recorded wins).
CREATE TABLE projection_template.tenancy_spell (
    tenancy_id          UUID         NOT NULL,
    recorded_from       TIMESTAMPTZ  NOT NULL,
    recorded_to         TIMESTAMPTZ  NOT NULL,
    participant_id      VARCHAR(100) NOT NULL,
    country             CHAR(2)      NOT NULL,
    municipality_code   CHAR(4)      NOT NULL,
    move_in             DATE,
    contract_type       VARCHAR(40),
    rehousing           BOOLEAN,
    previous_tenancy_id UUID,
    started_event       UUID,
    started_recorded    TIMESTAMPTZ,
    end_on              DATE,
    end_reason          VARCHAR(40),
    destination         VARCHAR(20),
    ended_event         UUID,
    ended_recorded      TIMESTAMPTZ,
    PRIMARY KEY (tenancy_id, recorded_from)
);
-- covering, in participant order: a municipality's current spells come from an index-only scan, already sorted
CREATE INDEX ON projection_template.tenancy_spell (country, municipality_code, participant_id, move_in, tenancy_id)
    INCLUDE (end_on, end_reason, destination, contract_type) WHERE recorded_to = 'infinity';
CREATE INDEX ON projection_template.tenancy_spell (country, municipality_code, recorded_from);

-- Contract conversions of tenancies (facts).
CREATE TABLE projection_template.tenancy_conversion (
    event_id          UUID        PRIMARY KEY,
    tenancy_id        UUID        NOT NULL,
    country           CHAR(2)     NOT NULL,
    municipality_code CHAR(4)     NOT NULL,
    converted_on      DATE        NOT NULL,
    from_type         VARCHAR(40) NOT NULL,
    to_type           VARCHAR(40) NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX ON projection_template.tenancy_conversion (country, municipality_code);

-- A participant in a municipality with the attributes of the latest enrolment (by enrolment date, then recording).
CREATE TABLE projection_template.participation (
    participant_id     VARCHAR(100) NOT NULL,
    country            CHAR(2)      NOT NULL,
    municipality_code  CHAR(4)      NOT NULL,
    recorded_from      TIMESTAMPTZ  NOT NULL,
    recorded_to        TIMESTAMPTZ  NOT NULL,
    enrolled_on        DATE         NOT NULL,
    programme_id       VARCHAR(100) NOT NULL,
    sex                VARCHAR(20),
    birth_year         INTEGER      NOT NULL,
    enrolment_event    UUID         NOT NULL,
    enrolment_recorded TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (participant_id, country, municipality_code, recorded_from)
);
CREATE INDEX ON projection_template.participation (country, municipality_code, participant_id)
    INCLUDE (sex, birth_year, programme_id) WHERE recorded_to = 'infinity';
CREATE INDEX ON projection_template.participation (country, municipality_code, recorded_from);

-- The latest decision on consent per purpose (by decision date, then recording).
CREATE TABLE projection_template.consent (
    participant_id    VARCHAR(100) NOT NULL,
    purpose           VARCHAR(40)  NOT NULL,
    country           CHAR(2)      NOT NULL,
    municipality_code CHAR(4)      NOT NULL,
    recorded_from     TIMESTAMPTZ  NOT NULL,
    recorded_to       TIMESTAMPTZ  NOT NULL,
    given             BOOLEAN      NOT NULL,
    decided_on        DATE         NOT NULL,
    decision_event    UUID         NOT NULL,
    decision_recorded TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (participant_id, purpose, country, municipality_code, recorded_from)
);
CREATE INDEX ON projection_template.consent (country, purpose) WHERE recorded_to = 'infinity';

-- Enrolments and programme exits (facts), for time to housing and returns to homelessness.
CREATE TABLE projection_template.enrolment (
    event_id          UUID         PRIMARY KEY,
    participant_id    VARCHAR(100) NOT NULL,
    country           CHAR(2)      NOT NULL,
    municipality_code CHAR(4)      NOT NULL,
    enrolled_on       DATE         NOT NULL,
    programme_id      VARCHAR(100) NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ON projection_template.enrolment (country, municipality_code, enrolled_on);

CREATE TABLE projection_template.programme_exit (
    event_id          UUID         PRIMARY KEY,
    participant_id    VARCHAR(100) NOT NULL,
    country           CHAR(2)      NOT NULL,
    municipality_code CHAR(4)      NOT NULL,
    exited_on         DATE         NOT NULL,
    destination       VARCHAR(20)  NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ON projection_template.programme_exit (country, municipality_code);

-- Support episodes and offers.
CREATE TABLE projection_template.support_episode (
    episode_id        UUID         NOT NULL,
    recorded_from     TIMESTAMPTZ  NOT NULL,
    recorded_to       TIMESTAMPTZ  NOT NULL,
    participant_id    VARCHAR(100) NOT NULL,
    country           CHAR(2)      NOT NULL,
    municipality_code CHAR(4)      NOT NULL,
    started_on        DATE,
    model             VARCHAR(40),
    started_event     UUID,
    started_recorded  TIMESTAMPTZ,
    ended_on          DATE,
    ended_event       UUID,
    ended_recorded    TIMESTAMPTZ,
    PRIMARY KEY (episode_id, recorded_from)
);
CREATE INDEX ON projection_template.support_episode (country, municipality_code)
    INCLUDE (participant_id, started_on, ended_on) WHERE recorded_to = 'infinity';
CREATE INDEX ON projection_template.support_episode (country, municipality_code, recorded_from);

CREATE TABLE projection_template.support_offer (
    offer_id          UUID         NOT NULL,
    recorded_from     TIMESTAMPTZ  NOT NULL,
    recorded_to       TIMESTAMPTZ  NOT NULL,
    participant_id    VARCHAR(100) NOT NULL,
    country           CHAR(2)      NOT NULL,
    municipality_code CHAR(4)      NOT NULL,
    episode_id        UUID         NOT NULL,
    offered_on        DATE,
    service_type      VARCHAR(40),
    offered_event     UUID,
    offered_recorded  TIMESTAMPTZ,
    accepted_on       DATE,
    accepted_event    UUID,
    accepted_recorded TIMESTAMPTZ,
    declined_on       DATE,
    declined_event    UUID,
    declined_recorded TIMESTAMPTZ,
    PRIMARY KEY (offer_id, recorded_from)
);
CREATE INDEX ON projection_template.support_offer (country, municipality_code, offered_on)
    INCLUDE (participant_id, declined_on) WHERE recorded_to = 'infinity';
CREATE INDEX ON projection_template.support_offer (country, municipality_code, recorded_from);

-- Support contacts (facts), counted per participant and month by the engagement query.
CREATE TABLE projection_template.support_contact (
    event_id          UUID         PRIMARY KEY,
    participant_id    VARCHAR(100) NOT NULL,
    country           CHAR(2)      NOT NULL,
    municipality_code CHAR(4)      NOT NULL,
    contacted_on      DATE         NOT NULL,
    missed            BOOLEAN      NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ON projection_template.support_contact (country, municipality_code, contacted_on)
    INCLUDE (participant_id, missed, recorded_at);

-- Quality-of-life and fidelity assessments (facts): scores only, as published.
CREATE TABLE projection_template.quality_of_life_assessment (
    event_id           UUID               PRIMARY KEY,
    participant_id     VARCHAR(100)       NOT NULL,
    country            CHAR(2)            NOT NULL,
    municipality_code  CHAR(4)            NOT NULL,
    assessed_on        DATE               NOT NULL,
    instrument         VARCHAR(40)        NOT NULL,
    instrument_version VARCHAR(100)       NOT NULL,
    value_set_id       VARCHAR(100),
    timepoint          VARCHAR(20)        NOT NULL,
    score_names        TEXT[]             NOT NULL,
    score_values       DOUBLE PRECISION[] NOT NULL,
    recorded_at        TIMESTAMPTZ        NOT NULL
);
CREATE INDEX ON projection_template.quality_of_life_assessment (country, municipality_code, instrument);

CREATE TABLE projection_template.fidelity_assessment (
    event_id           UUID               PRIMARY KEY,
    programme_id       VARCHAR(100)       NOT NULL,
    country            CHAR(2)            NOT NULL,
    municipality_code  CHAR(4)            NOT NULL,
    assessed_on        DATE               NOT NULL,
    scale              VARCHAR(40)        NOT NULL,
    scale_version      VARCHAR(100)       NOT NULL,
    assessor_type      VARCHAR(20)        NOT NULL,
    total              INTEGER            NOT NULL,
    percent_of_maximum DOUBLE PRECISION   NOT NULL,
    domain_names       TEXT[]             NOT NULL,
    domain_means       DOUBLE PRECISION[] NOT NULL,
    recorded_at        TIMESTAMPTZ        NOT NULL
);
CREATE INDEX ON projection_template.fidelity_assessment (country, municipality_code);

-- Records that could not be read, validated or projected, set aside with the reason instead of blocking their
-- partition. Shared by all versions: a rebuild meets the same records.
CREATE TABLE set_aside_record (
    topic        VARCHAR(200) NOT NULL,
    partition    INTEGER      NOT NULL,
    "offset"     BIGINT       NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    event_id     UUID,
    type         VARCHAR(200),
    set_aside_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition, "offset")
);
CREATE INDEX ON set_aside_record (set_aside_at);

-- A new version: an empty copy of every template table in schema projection_v<v>. Without its secondary indexes (a
-- rebuild loads first and builds them once, far faster than keeping them up row by row), only the keys that loading
-- needs: index_projection_version adds the rest.
CREATE FUNCTION create_projection_version(v INTEGER, with_indexes BOOLEAN DEFAULT true) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    t record;
    c record;
    s TEXT := 'projection_v' || v;
BEGIN
    EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', s);
    EXECUTE format('CREATE SCHEMA %I', s);
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'projection_template' LOOP
        IF with_indexes THEN
            EXECUTE format('CREATE TABLE %I.%I (LIKE projection_template.%I INCLUDING ALL)', s, t.tablename, t.tablename);
        ELSE
            EXECUTE format('CREATE TABLE %I.%I (LIKE projection_template.%I INCLUDING ALL EXCLUDING INDEXES)',
                           s, t.tablename, t.tablename);
            FOR c IN SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
                     WHERE conrelid = format('projection_template.%I', t.tablename)::regclass AND contype IN ('p', 'u')
            LOOP
                EXECUTE format('ALTER TABLE %I.%I ADD %s', s, t.tablename, c.def);
            END LOOP;
        END IF;
    END LOOP;
END $$;

-- Adds to version v every index of the template that it lacks (those behind no constraint).
CREATE FUNCTION index_projection_version(v INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    i record;
    s TEXT := 'projection_v' || v;
BEGIN
    FOR i IN SELECT x.indexdef, x.tablename FROM pg_indexes x
             WHERE x.schemaname = 'projection_template'
               AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                               WHERE k.conindid = format('projection_template.%I', x.indexname)::regclass)
    LOOP
        EXECUTE regexp_replace(i.indexdef, '^(CREATE (UNIQUE )?INDEX) \S+ ON projection_template\.',
                               '\1 ON ' || quote_ident(s) || '.');
    END LOOP;
END $$;

-- Repoints every view in public to version v's tables; callers run it in the transaction that activates v.
CREATE FUNCTION show_projection_version(v INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'projection_template' LOOP
        EXECUTE format('DROP VIEW IF EXISTS public.%I', t.tablename);
        EXECUTE format('CREATE VIEW public.%I AS SELECT * FROM %I.%I', t.tablename, 'projection_v' || v, t.tablename);
    END LOOP;
END $$;

SELECT create_projection_version(1);
SELECT show_projection_version(1);
INSERT INTO projection_version (version, state, switched_at) VALUES (1, 'ACTIVE', now());
