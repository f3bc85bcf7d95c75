-- Tenants, their people and channels, and the conversations and messages that lists and search read.
-- Every business-owned row carries business_id NOT NULL: tenant isolation starts in the schema.

CREATE TABLE businesses
(
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    time_zone  text        NOT NULL DEFAULT 'UTC',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE employees
(
    id            uuid        PRIMARY KEY,
    business_id   uuid        NOT NULL REFERENCES businesses (id),
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('owner', 'admin', 'agent')),
    password_hash text        NOT NULL,
    is_active     boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Login is by e-mail alone, so an address belongs to one employee across the platform.
CREATE UNIQUE INDEX ux_employees_email ON employees (lower(email));
CREATE INDEX ix_employees_business ON employees (business_id);

CREATE TABLE services
(
    id               uuid        PRIMARY KEY,
    business_id      uuid        NOT NULL REFERENCES businesses (id),
    name             text        NOT NULL,
    description      text        NOT NULL DEFAULT '',
    price_minor      bigint      NOT NULL CHECK (price_minor >= 0),
    currency         char(3)     NOT NULL,
    duration_minutes integer     NOT NULL CHECK (duration_minutes > 0),
    is_active        boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_services_business ON services (business_id);

-- A WhatsApp number a business receives on. Webhooks are routed by phone_number_id.
CREATE TABLE whatsapp_channels
(
    id                   uuid        PRIMARY KEY,
    business_id          uuid        NOT NULL REFERENCES businesses (id),
    provider             text        NOT NULL CHECK (provider IN ('meta')),
    phone_number_id      text        NOT NULL UNIQUE,
    display_phone_number text        NOT NULL DEFAULT '',
    app_secret           text        NOT NULL,
    verify_token         text        NOT NULL UNIQUE,
    created_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_whatsapp_channels_business ON whatsapp_channels (business_id);

-- One thread per business and customer; the conversation grain with the same id owns its rules.
CREATE TABLE conversations
(
    id              uuid        PRIMARY KEY,
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    customer_wa_id  text        NOT NULL,
    customer_name   text        NULL,
    mode            text        NOT NULL DEFAULT 'ai' CHECK (mode IN ('ai', 'human', 'closed')),
    created_at      timestamptz NOT NULL,
    last_message_at timestamptz NOT NULL,
    last_sequence   bigint      NOT NULL DEFAULT 0,
    UNIQUE (business_id, customer_wa_id)
);

CREATE INDEX ix_conversations_business_activity ON conversations (business_id, last_message_at DESC);

-- The transcript: append-only, numbered per conversation. The number is the cursor a reconnecting
-- client catches up from.
CREATE TABLE messages
(
    id                  uuid        PRIMARY KEY,
    business_id         uuid        NOT NULL REFERENCES businesses (id),
    conversation_id     uuid        NOT NULL REFERENCES conversations (id),
    sequence            bigint      NOT NULL,
    direction           text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    sender              text        NOT NULL CHECK (sender IN ('customer', 'assistant', 'employee', 'system')),
    kind                text        NOT NULL,
    body                text        NULL,
    provider_message_id text        NULL,
    sent_at             timestamptz NOT NULL,
    stored_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (conversation_id, sequence)
);

-- Providers redeliver webhooks: their message id is the natural key that makes a retry a no-op.
CREATE UNIQUE INDEX ux_messages_provider_message ON messages (business_id, provider_message_id)
    WHERE provider_message_id IS NOT NULL;

-- Secrets the platform generates for itself and every node must share (the token signing key).
CREATE TABLE platform_secrets
(
    name       text        PRIMARY KEY,
    value      bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
