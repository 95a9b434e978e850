-- The test application's one table: what a request stored, so a test can count it.
CREATE TABLE thing (
    thing_id      UUID PRIMARY KEY,
    scope         VARCHAR(200) NOT NULL,
    programme_id  VARCHAR(64)  NOT NULL,
    happened_on   DATE         NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    amount        INTEGER      NOT NULL
);
