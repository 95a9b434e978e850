-- Views kept by a subscribing processor in the command's transaction, so a read or a follow-up command sees the write.

CREATE TABLE enrolment_view (
    participant_id     VARCHAR(52)  NOT NULL,
    country            CHAR(2)      NOT NULL,
    municipality_code  CHAR(4)      NOT NULL,
    programme_id       VARCHAR(64)  NOT NULL,
    enrolled_on        DATE         NOT NULL,
    exited_on          DATE,
    exit_reason        VARCHAR(40),
    PRIMARY KEY (country, municipality_code, participant_id, programme_id, enrolled_on)
);

CREATE TABLE episode_view (
    episode_id                 UUID        PRIMARY KEY,
    participant_id             VARCHAR(52) NOT NULL,
    country                    CHAR(2)     NOT NULL,
    municipality_code          CHAR(4)     NOT NULL,
    model                      VARCHAR(20) NOT NULL,
    planned_contacts_per_month INTEGER     NOT NULL,
    started_on                 DATE        NOT NULL,
    ended_on                   DATE,
    end_reason                 VARCHAR(30),
    offers                     INTEGER     NOT NULL DEFAULT 0,
    accepted                   INTEGER     NOT NULL DEFAULT 0,
    declined                   INTEGER     NOT NULL DEFAULT 0,
    contacts                   INTEGER     NOT NULL DEFAULT 0,
    missed_contacts            INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX episode_view_participant ON episode_view (country, municipality_code, participant_id);

-- Item answers of quality-of-life assessments: special-category data that stays in this service and is never
-- published. Written in the same transaction as the QualityOfLifeAssessed event.
CREATE TABLE assessment_answers (
    assessment_id     UUID        PRIMARY KEY,
    participant_id    VARCHAR(52) NOT NULL,
    country           CHAR(2)     NOT NULL,
    municipality_code CHAR(4)     NOT NULL,
    instrument        VARCHAR(20) NOT NULL,
    answers           JSONB       NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL
);
