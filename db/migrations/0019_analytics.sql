-- Analytics (issue 7): conversation volumes and response times per local day, revenue, team performance, and
-- who exported what. The reports read the transcript and the histories directly; these indexes keep them to
-- the caller's business and date range, and the status history gives resolutions a time.

-- Stripe marks a booking paid. The payments migration adds the same column the same way, so whichever runs
-- first creates it and the other leaves it be.
ALTER TABLE bookings ADD COLUMN IF NOT EXISTS paid_at timestamptz NULL;

-- ── Status history ───────────────────────────────────────────────────────────────────────────────────────
-- Every change of a conversation's status (open, pending, snoozed, resolved), with what the conversation
-- looked like at that moment: how long its transcript was, when the customer last wrote, who held it, in
-- which mode. A resolution ends a conversation's cycle; leaving 'resolved' starts the next one (a reopening).
-- Written by the trigger below, so every writer of conversations.status is recorded without knowing about it.
CREATE TABLE conversation_status_changes
(
    id                       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id              uuid        NOT NULL REFERENCES businesses (id),
    conversation_id          uuid        NOT NULL REFERENCES conversations (id),
    from_status              text        NOT NULL,
    to_status                text        NOT NULL,
    at                       timestamptz NOT NULL,
    -- The conversation's last message sequence number at the change: messages after it came later.
    last_sequence            bigint      NOT NULL,
    last_customer_message_at timestamptz NULL,
    assignee_id              uuid        NULL,
    mode                     text        NOT NULL
);

CREATE INDEX ix_conversation_status_changes_conversation ON conversation_status_changes (conversation_id, id);
CREATE INDEX ix_conversation_status_changes_business ON conversation_status_changes (business_id, at);

-- The time is the database's: the status update carries none, and one clock for every node is what orders
-- the history. Only real changes are kept (the inbox rewrites the status with every change of hands).
CREATE FUNCTION conversation_status_history() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO conversation_status_changes (business_id, conversation_id, from_status, to_status, at, last_sequence,
                                             last_customer_message_at, assignee_id, mode)
    VALUES (NEW.business_id, NEW.id, OLD.status, NEW.status, now(), NEW.last_sequence, NEW.last_customer_message_at,
            NEW.assignee_id, NEW.mode);
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_conversations_status_history
    AFTER UPDATE OF status ON conversations
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION conversation_status_history();

-- ── Indexes the reports read through ─────────────────────────────────────────────────────────────────────
-- Conversations opened per day.
CREATE INDEX ix_conversations_business_created ON conversations (business_id, created_at);

-- Customer messages per day and employee messages per employee: one partial index for both, covering what
-- the reports read, so a business's range is an index-only scan and assistant messages (half the transcript)
-- cost it nothing on insert.
CREATE INDEX ix_messages_business_sent ON messages (business_id, sent_at) INCLUDE (sender, conversation_id, sender_employee_id)
    WHERE sender IN ('customer', 'employee');

-- A cycle's first reply by a person: one probe per cycle instead of a walk through its transcript.
CREATE INDEX ix_messages_employee_replies ON messages (conversation_id, sequence) INCLUDE (sent_at, sender_employee_id)
    WHERE sender = 'employee';

-- Revenue: bookings made per day, bookings paid per day.
CREATE INDEX ix_bookings_business_created ON bookings (business_id, created_at);
CREATE INDEX ix_bookings_business_paid ON bookings (business_id, paid_at) WHERE paid_at IS NOT NULL;

-- ── Exports ──────────────────────────────────────────────────────────────────────────────────────────────
-- Who downloaded which report for which days: reports hold the business's figures and its people's names.
CREATE TABLE analytics_exports
(
    id          uuid        PRIMARY KEY,
    business_id uuid        NOT NULL REFERENCES businesses (id),
    employee_id uuid        NOT NULL REFERENCES employees (id),
    report      text        NOT NULL CHECK (report IN ('conversations', 'revenue', 'performance')),
    from_day    date        NOT NULL,
    to_day      date        NOT NULL,
    rows        integer     NOT NULL,
    exported_at timestamptz NOT NULL
);

CREATE INDEX ix_analytics_exports_business ON analytics_exports (business_id, exported_at DESC);
