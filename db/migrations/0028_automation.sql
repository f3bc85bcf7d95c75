-- Automation (issue #11): rules a conversation grain runs on its own events, macros agents run by hand, and the log
-- of what ran where. Conditions and actions are JSON arrays validated by the API; the grain reads them through the
-- business grain's cache, never per message.

CREATE TABLE automation_rules
(
    id          uuid        PRIMARY KEY,
    business_id uuid        NOT NULL REFERENCES businesses (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    trigger     text        NOT NULL CHECK (trigger IN ('message_received', 'conversation_created', 'handed_off', 'resolved', 'booking_created')),
    conditions  jsonb       NOT NULL DEFAULT '[]',
    actions     jsonb       NOT NULL,
    position    integer     NOT NULL,
    enabled     boolean     NOT NULL DEFAULT true,
    created_by  uuid        NULL REFERENCES employees (id),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX ix_automation_rules_business ON automation_rules (business_id, position, created_at);

CREATE TABLE macros
(
    id          uuid        PRIMARY KEY,
    business_id uuid        NOT NULL REFERENCES businesses (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    actions     jsonb       NOT NULL,
    created_by  uuid        NULL REFERENCES employees (id),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_macros_name ON macros (business_id, lower(name));

-- One row per rule that fired or macro that ran on a conversation. No foreign key to the rule or macro: the log
-- outlives them. A macro run with the client's key is unique per conversation, which makes a retried run a no-op.
-- recorded_at is the database's time: the webhook dispatcher reads rows with a webhook action by it.
CREATE TABLE automation_executions
(
    id              uuid        PRIMARY KEY,
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    conversation_id uuid        NOT NULL REFERENCES conversations (id),
    rule_id         uuid        NULL,
    macro_id        uuid        NULL,
    name            text        NOT NULL,
    trigger         text        NULL,
    employee_id     uuid        NULL REFERENCES employees (id),
    idempotency_key text        NULL,
    actions         jsonb       NOT NULL,
    webhook         boolean     NOT NULL DEFAULT false,
    at              timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((rule_id IS NULL) <> (macro_id IS NULL)),
    UNIQUE (conversation_id, idempotency_key)
);

CREATE INDEX ix_automation_executions_business ON automation_executions (business_id, at DESC, id);
CREATE INDEX ix_automation_executions_webhook ON automation_executions (business_id, recorded_at, id) WHERE webhook;

ALTER TABLE conversations ADD COLUMN priority text NOT NULL DEFAULT 'normal'
    CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
