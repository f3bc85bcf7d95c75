-- Customer satisfaction: asked when a conversation is resolved, answered with 1 to 5, kept per
-- conversation and per employee who handled it.
CREATE TABLE conversation_ratings
(
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id         uuid        NOT NULL REFERENCES businesses (id),
    conversation_id     uuid        NOT NULL REFERENCES conversations (id),
    employee_id         uuid        NULL REFERENCES employees (id),
    rating              smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    provider_message_id text        NOT NULL,
    rated_at            timestamptz NOT NULL,
    UNIQUE (business_id, provider_message_id)
);

CREATE INDEX ix_conversation_ratings_employee ON conversation_ratings (business_id, employee_id, rated_at);
CREATE INDEX ix_conversation_ratings_conversation ON conversation_ratings (conversation_id);
