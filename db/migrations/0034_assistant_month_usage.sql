-- The plan's AI conversations of the month, counted in one row per business and month. Admitting a conversation
-- is one statement that raises the count while it is below the limit: the row is locked for that statement
-- only, where the earlier count under a per-business advisory lock held a pooled connection per waiting turn
-- (a burst of new conversations took every connection of the pool while they queued for the lock).
CREATE TABLE assistant_month_usage
(
    business_id uuid    NOT NULL REFERENCES businesses (id),
    month       date    NOT NULL,
    used        integer NOT NULL CHECK (used >= 0),
    PRIMARY KEY (business_id, month)
);

INSERT INTO assistant_month_usage (business_id, month, used)
SELECT business_id, month, count(*) FROM assistant_conversation_months GROUP BY business_id, month;

ALTER TABLE assistant_month_usage ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assistant_month_usage TO conversations_app
    USING (business_id = (SELECT conversations_current_business()) OR (SELECT conversations_system_scope()))
    WITH CHECK (business_id = (SELECT conversations_current_business()) OR (SELECT conversations_system_scope()));
