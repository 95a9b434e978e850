-- The identity vault (ADR 0006): the one place where a person's keyed pseudonym meets the surrogate id that events,
-- topics and read models carry. Shared by the services that receive identity numbers; erasing a person deletes their
-- links here, after which nothing stored anywhere leads back to them.
CREATE TABLE participant_link (
    pseudonym VARCHAR(52) PRIMARY KEY,
    -- which pseudonym key made the pseudonym (a fingerprint of the key, never the key)
    key_id    VARCHAR(16) NOT NULL,
    surrogate VARCHAR(52) NOT NULL,
    linked_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX participant_link_surrogate ON participant_link (surrogate);

-- Surrogates whose links were deleted: what each service must still erase from its own stores. Names no one.
CREATE TABLE participant_erasure (
    surrogate VARCHAR(52) PRIMARY KEY,
    cause     VARCHAR(16) NOT NULL,
    erased_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE erasure_applied (
    surrogate  VARCHAR(52) NOT NULL REFERENCES participant_erasure,
    service    VARCHAR(64) NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (surrogate, service)
);

-- Which services have linked the participants they knew before the vault to themselves (their pseudonyms).
CREATE TABLE legacy_import (
    service     VARCHAR(64) PRIMARY KEY,
    linked      INTEGER     NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL
);
