-- Outbound webhooks (issue 11): a business's endpoints, the events each one is sent, and where each business's
-- dispatcher has read the source tables up to. The conversation grain knows nothing of this: the dispatcher reads
-- the append-only (or monotonically updated) tables behind it and fans new rows out into deliveries.

CREATE TABLE webhook_endpoints
(
    id              uuid        PRIMARY KEY,
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    url             text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    description     text        NOT NULL DEFAULT '',
    event_types     text[]      NOT NULL,
    -- The signing secret as an ASP.NET Core Data Protection payload: HMAC needs the secret itself, not a hash.
    secret          text        NOT NULL,
    is_enabled      boolean     NOT NULL DEFAULT true,
    disabled_at     timestamptz NULL,
    disabled_reason text        NULL,
    -- The first failure since the last success; an endpoint failing for the whole failure window is disabled.
    failing_since   timestamptz NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX ix_webhook_endpoints_business ON webhook_endpoints (business_id);

-- One row per endpoint and event. The event id is derived from its source row (msg_{id}_received, ...), so
-- reading a source row twice is a no-op and a redelivery carries the same Webhook-Id. The payload is kept as the
-- exact bytes sent, so every attempt signs and sends the same body.
CREATE TABLE webhook_deliveries
(
    id               uuid        PRIMARY KEY,
    business_id      uuid        NOT NULL REFERENCES businesses (id),
    endpoint_id      uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         text        NOT NULL,
    event_type       text        NOT NULL,
    payload          text        NOT NULL,
    created_at       timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    -- Null once delivered; while an attempt is under way it is the attempt's lease.
    next_attempt_at  timestamptz NULL,
    delivered_at     timestamptz NULL,
    last_attempt_at  timestamptz NULL,
    last_status_code integer     NULL,
    last_duration_ms integer     NULL,
    last_error       text        NULL,
    UNIQUE (endpoint_id, event_id)
);

CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (business_id, next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC, id DESC);

-- Where a business's dispatcher has read each source up to: (time, id) keyset positions, so a restart resumes.
CREATE TABLE webhook_cursors
(
    business_id uuid        NOT NULL REFERENCES businesses (id),
    source      text        NOT NULL,
    at          timestamptz NOT NULL,
    last_id     text        NOT NULL,
    PRIMARY KEY (business_id, source)
);

-- The dispatcher's reads: new messages, new delivery states, paid payments and booking events of one business
-- after a position. Assignments and status changes already have (business_id, at) indexes.
CREATE INDEX ix_messages_business_stored ON messages (business_id, stored_at, id);
CREATE INDEX ix_messages_business_delivery ON messages (business_id, delivery_updated_at, id) WHERE delivery_updated_at IS NOT NULL;
CREATE INDEX ix_booking_events_business ON booking_events (business_id, at, id);
CREATE INDEX ix_payments_business_paid ON payments (business_id, paid_at, id) WHERE paid_at IS NOT NULL;

-- ── API keys ─────────────────────────────────────────────────────────────────────────────────────────────────────
-- Per-business keys for integrations (ck_...), shown once and kept as SHA-256 only. A key acts as the employee who
-- made it (so authorship and foreign keys stay real) within its scopes; revoking it, deactivating that employee or
-- suspending the business refuses it at the next request.
CREATE TABLE api_keys
(
    id           uuid        PRIMARY KEY,
    business_id  uuid        NOT NULL REFERENCES businesses (id),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix       text        NOT NULL,
    key_hash     bytea       NOT NULL UNIQUE,
    scopes       text[]      NOT NULL,
    created_by   uuid        NOT NULL REFERENCES employees (id),
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz NULL,
    revoked_at   timestamptz NULL
);

CREATE INDEX ix_api_keys_business ON api_keys (business_id, created_at);
