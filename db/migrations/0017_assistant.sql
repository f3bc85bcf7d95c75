-- The AI assistant: each business's choice of assistant, and the history of what it did — its turns with
-- their token usage and cost, its flow transitions, and the summaries agents get on handoff.

CREATE TABLE assistant_settings
(
    business_id       uuid        PRIMARY KEY REFERENCES businesses (id),
    enabled           boolean     NOT NULL DEFAULT true,
    provider          text        NOT NULL DEFAULT 'offline' CHECK (provider IN ('offline', 'openai')),
    base_url          text        NULL,
    model             text        NULL,
    -- The API key as one Data Protection payload; never returned by the API.
    protected_api_key text        NULL,
    instructions      text        NULL CHECK (length(instructions) <= 4000),
    updated_by        uuid        NULL REFERENCES employees (id),
    updated_at        timestamptz NOT NULL
);

CREATE TABLE assistant_turns
(
    id                uuid        PRIMARY KEY,
    business_id       uuid        NOT NULL REFERENCES businesses (id),
    conversation_id   uuid        NOT NULL REFERENCES conversations (id),
    engine            text        NOT NULL,
    model             text        NULL,
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz NOT NULL,
    outcome           text        NOT NULL CHECK (outcome IN ('sent', 'drafted', 'handoff')),
    flow_before       text        NOT NULL,
    flow_after        text        NOT NULL,
    -- The reply as written, for a turn that finished after a takeover (offered to the agent as a draft).
    draft             text        NULL,
    -- The messages the turn sent: its tokens and cost belong to them.
    message_ids       uuid[]      NOT NULL DEFAULT '{}',
    input_tokens      bigint      NOT NULL DEFAULT 0,
    output_tokens     bigint      NOT NULL DEFAULT 0,
    cost_micros       bigint      NOT NULL DEFAULT 0,
    tool_calls        integer     NOT NULL DEFAULT 0,
    error             text        NULL
);

CREATE INDEX ix_assistant_turns_conversation ON assistant_turns (conversation_id, started_at);
CREATE INDEX ix_assistant_turns_business ON assistant_turns (business_id, started_at);

CREATE TABLE flow_transitions
(
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    conversation_id uuid        NOT NULL REFERENCES conversations (id),
    from_state      text        NOT NULL,
    to_state        text        NOT NULL,
    reason          text        NOT NULL,
    turn_id         uuid        NULL,
    at              timestamptz NOT NULL
);

CREATE INDEX ix_flow_transitions_conversation ON flow_transitions (conversation_id, id);
CREATE INDEX ix_flow_transitions_business ON flow_transitions (business_id, at);

CREATE TABLE handoff_summaries
(
    id              uuid        PRIMARY KEY,
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    conversation_id uuid        NOT NULL REFERENCES conversations (id),
    reason          text        NOT NULL,
    intent          text        NOT NULL,
    summary         text        NOT NULL,
    flow_state      text        NOT NULL,
    at              timestamptz NOT NULL
);

CREATE INDEX ix_handoff_summaries_conversation ON handoff_summaries (conversation_id, at);
