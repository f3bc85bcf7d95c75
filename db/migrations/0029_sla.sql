-- SLA policies (issue #11): first-response and resolution targets, counted in business hours when the policy says
-- so, a warning before the breach and a notification at it. The conversation grain keeps only its running targets;
-- every target it started is a row here, for the analytics.

CREATE TABLE sla_policies
(
    id                     uuid        PRIMARY KEY,
    business_id            uuid        NOT NULL REFERENCES businesses (id),
    name                   text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    priority               text        NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    first_response_minutes integer     NOT NULL CHECK (first_response_minutes BETWEEN 1 AND 43200),
    resolution_minutes     integer     NULL CHECK (resolution_minutes BETWEEN 1 AND 525600),
    warning_percent        integer     NOT NULL CHECK (warning_percent BETWEEN 1 AND 99),
    business_hours_only    boolean     NOT NULL,
    position               integer     NOT NULL,
    enabled                boolean     NOT NULL DEFAULT true,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL
);

CREATE INDEX ix_sla_policies_business ON sla_policies (business_id, position, created_at);

-- One target of one conversation's cycle (from a customer's message with no target running to its resolution).
CREATE TABLE sla_targets
(
    id              uuid        PRIMARY KEY,
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    conversation_id uuid        NOT NULL REFERENCES conversations (id),
    policy_id       uuid        NOT NULL,
    metric          text        NOT NULL CHECK (metric IN ('first_response', 'resolution')),
    started_at      timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    warned_at       timestamptz NULL,
    breached_at     timestamptz NULL,
    met_at          timestamptz NULL
);

CREATE INDEX ix_sla_targets_business ON sla_targets (business_id, started_at);
