-- The shared inbox: status, assignee, labels and the team's read cursor on each conversation, and
-- full-text search over what customers and agents wrote.

ALTER TABLE conversations
    ADD COLUMN status             text    NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'pending', 'snoozed', 'resolved')),
    ADD COLUMN assignee_id        uuid    NULL REFERENCES employees (id),
    ADD COLUMN labels             text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN last_read_sequence bigint  NOT NULL DEFAULT 0;

CREATE INDEX ix_conversations_labels ON conversations USING gin (labels);
CREATE INDEX ix_conversations_business_assignee ON conversations (business_id, assignee_id, last_message_at DESC);

-- 'simple' rather than a language's dictionary: customers write in many languages, often mixed.
CREATE INDEX ix_messages_search ON messages USING gin (to_tsvector('simple', coalesce(body, '')));
