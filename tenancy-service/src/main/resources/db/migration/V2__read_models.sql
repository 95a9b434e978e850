-- Views kept by subscribing event handlers in the same transaction as the command, so a read follows its write.

CREATE TABLE tenancy_view (
    tenancy_id             UUID         PRIMARY KEY,
    housing_history_id     VARCHAR(200) NOT NULL,
    participant_id         VARCHAR(52)  NOT NULL,
    country                CHAR(2)      NOT NULL,
    municipality_code      CHAR(4)      NOT NULL,
    reporting_organisation VARCHAR(100) NOT NULL,
    offer_id               UUID,
    move_in_date           DATE         NOT NULL,
    contract_type          VARCHAR(40)  NOT NULL,
    security_of_tenure     VARCHAR(20)  NOT NULL,
    lease_holder           VARCHAR(20)  NOT NULL,
    housing_type           VARCHAR(20)  NOT NULL,
    landlord_type          VARCHAR(20)  NOT NULL,
    rehousing              BOOLEAN      NOT NULL,
    previous_tenancy_id    UUID,
    open_absence_id        UUID,
    open_absence_type      VARCHAR(30),
    open_absence_since     DATE,
    risk_count             INTEGER      NOT NULL DEFAULT 0,
    last_risk_type         VARCHAR(30),
    sustained_months       INTEGER      NOT NULL DEFAULT 0,
    end_date               DATE,
    end_reason             VARCHAR(40),
    destination_category   VARCHAR(20),
    initiated_by           VARCHAR(20)
);
CREATE INDEX tenancy_view_participant ON tenancy_view (country, municipality_code, participant_id);

CREATE TABLE housing_offer_view (
    offer_id               UUID         PRIMARY KEY,
    housing_history_id     VARCHAR(200) NOT NULL,
    participant_id         VARCHAR(52)  NOT NULL,
    country                CHAR(2)      NOT NULL,
    municipality_code      CHAR(4)      NOT NULL,
    offered_on             DATE         NOT NULL,
    housing_type           VARCHAR(20)  NOT NULL,
    landlord_type          VARCHAR(20)  NOT NULL,
    status                 VARCHAR(20)  NOT NULL
);

-- Milestones still to come; the scheduler emits those due and removes them.
CREATE TABLE milestone_schedule (
    tenancy_id         UUID         NOT NULL,
    months             INTEGER      NOT NULL,
    housing_history_id VARCHAR(200) NOT NULL,
    due_on             DATE         NOT NULL,
    PRIMARY KEY (tenancy_id, months)
);
CREATE INDEX milestone_schedule_due ON milestone_schedule (due_on);
