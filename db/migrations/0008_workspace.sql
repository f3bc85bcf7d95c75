-- The agent workspace: who handles a conversation and its history, snoozing, notes, canned responses
-- and notifications.

ALTER TABLE conversations ADD COLUMN snoozed_until timestamptz NULL;

-- Every change of hands, for the assignment history and analytics.
CREATE TABLE conversation_assignments
(
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    conversation_id uuid        NOT NULL REFERENCES conversations (id),
    action          text        NOT NULL CHECK (action IN ('takeover', 'release', 'assign', 'transfer', 'unassign')),
    actor_id        uuid        NULL REFERENCES employees (id),
    from_employee   uuid        NULL REFERENCES employees (id),
    to_employee     uuid        NULL REFERENCES employees (id),
    mode            text        NOT NULL,
    at              timestamptz NOT NULL
);

CREATE INDEX ix_conversation_assignments_conversation ON conversation_assignments (conversation_id, id);
CREATE INDEX ix_conversation_assignments_business ON conversation_assignments (business_id, at DESC);

-- Internal notes: for the team only, never sent to the customer.
CREATE TABLE notes
(
    id              uuid        PRIMARY KEY,
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    conversation_id uuid        NOT NULL REFERENCES conversations (id),
    author_id       uuid        NOT NULL REFERENCES employees (id),
    body            text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    mentions        uuid[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    deleted_at      timestamptz NULL
);

CREATE INDEX ix_notes_conversation ON notes (conversation_id, created_at) WHERE deleted_at IS NULL;

CREATE TABLE canned_responses
(
    id          uuid        PRIMARY KEY,
    business_id uuid        NOT NULL REFERENCES businesses (id),
    shortcode   text        NOT NULL CHECK (shortcode ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    title       text        NOT NULL,
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 4096),
    usage_count bigint      NOT NULL DEFAULT 0,
    created_by  uuid        NULL REFERENCES employees (id),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    UNIQUE (business_id, shortcode)
);

-- What an employee should look at: an assignment, a handoff, a mention, a failed delivery.
CREATE TABLE notifications
(
    id              uuid        PRIMARY KEY,
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    employee_id     uuid        NOT NULL REFERENCES employees (id),
    kind            text        NOT NULL,
    title           text        NOT NULL,
    conversation_id uuid        NULL REFERENCES conversations (id),
    created_at      timestamptz NOT NULL,
    read_at         timestamptz NULL
);

CREATE INDEX ix_notifications_employee ON notifications (employee_id, created_at DESC);
