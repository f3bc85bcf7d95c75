-- Hand-offs to the human queue and automatic assignment are changes of hands too.
ALTER TABLE conversation_assignments DROP CONSTRAINT conversation_assignments_action_check;
ALTER TABLE conversation_assignments ADD CONSTRAINT conversation_assignments_action_check
    CHECK (action IN ('takeover', 'release', 'assign', 'transfer', 'unassign', 'handoff', 'auto_assign'));

-- The unassigned queue, oldest first.
CREATE INDEX ix_conversations_waiting ON conversations (business_id, last_message_at)
    WHERE mode = 'human' AND assignee_id IS NULL AND status = 'open';
