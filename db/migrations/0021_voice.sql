-- Voice notes: each business's transcription settings, and every transcription with its duration and cost.

CREATE TABLE voice_settings
(
    business_id       uuid        PRIMARY KEY REFERENCES businesses (id),
    enabled           boolean     NOT NULL DEFAULT false,
    model             text        NULL,
    -- Without its own endpoint, transcription uses the assistant's (assistant_settings base URL and key).
    base_url          text        NULL,
    protected_api_key text        NULL,
    updated_by        uuid        NULL REFERENCES employees (id),
    updated_at        timestamptz NOT NULL
);

CREATE TABLE voice_transcriptions
(
    message_id      uuid        PRIMARY KEY REFERENCES messages (id),
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    conversation_id uuid        NOT NULL REFERENCES conversations (id),
    state           text        NOT NULL CHECK (state IN ('done', 'off', 'failed')),
    model           text        NULL,
    language        text        NULL,
    duration_ms     bigint      NULL,
    cost_micros     bigint      NOT NULL DEFAULT 0,
    error           text        NULL,
    at              timestamptz NOT NULL
);

CREATE INDEX ix_voice_transcriptions_business ON voice_transcriptions (business_id, at);
