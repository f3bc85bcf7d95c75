-- WhatsApp channels in and out: every message type, delivery states, reactions, webhook logs, channel
-- secrets under ASP.NET Core Data Protection, and the durable outbox.

-- Type-specific content (media, location, contacts, interactive replies, raw unsupported payloads) as
-- JSON; text and captions stay in body, where search reads them.
ALTER TABLE messages
    ADD COLUMN content                      jsonb       NULL,
    ADD COLUMN reply_to_provider_message_id text        NULL,
    ADD COLUMN sender_employee_id           uuid        NULL,
    ADD COLUMN delivery_state               text        NULL
        CHECK (delivery_state IN ('queued', 'sent', 'delivered', 'read', 'failed')),
    ADD COLUMN delivery_error_code          text        NULL,
    ADD COLUMN delivery_error_title         text        NULL,
    ADD COLUMN delivery_updated_at          timestamptz NULL;

-- A customer's reaction belongs to the message it reacts to; an empty emoji removes it.
CREATE TABLE message_reactions
(
    message_id          uuid        NOT NULL REFERENCES messages (id),
    business_id         uuid        NOT NULL REFERENCES businesses (id),
    reactor             text        NOT NULL,
    emoji               text        NOT NULL,
    provider_message_id text        NOT NULL,
    reacted_at          timestamptz NOT NULL,
    PRIMARY KEY (message_id, reactor)
);

-- Every webhook delivery, accepted or not. Bodies of rejected requests are not kept.
CREATE TABLE webhook_logs
(
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider      text        NOT NULL,
    business_id   uuid        NULL REFERENCES businesses (id),
    status_code   integer     NOT NULL,
    outcome       text        NOT NULL,
    reason        text        NULL,
    messages      integer     NOT NULL DEFAULT 0,
    statuses      integer     NOT NULL DEFAULT 0,
    duration_ms   integer     NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_webhook_logs_business ON webhook_logs (business_id, received_at DESC);

-- ASP.NET Core Data Protection's key ring, shared by every silo and frontend.
CREATE TABLE data_protection_keys
(
    name       text        PRIMARY KEY,
    xml        text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Channels: Meta or Twilio numbers. Secrets are one Data Protection payload (JSON inside), never plain.
ALTER TABLE whatsapp_channels DROP CONSTRAINT whatsapp_channels_provider_check;
ALTER TABLE whatsapp_channels
    ADD CONSTRAINT whatsapp_channels_provider_check CHECK (provider IN ('meta', 'twilio')),
    ADD COLUMN business_account_id text NULL,
    ADD COLUMN twilio_account_sid  text NULL,
    ADD COLUMN messaging_service_sid text NULL,
    ADD COLUMN protected_secrets   text NULL,
    ADD COLUMN updated_at          timestamptz NOT NULL DEFAULT now(),
    ALTER COLUMN app_secret DROP NOT NULL,
    ALTER COLUMN verify_token DROP NOT NULL;

-- A Twilio number is addressed by its sender number; phone_number_id holds it for both providers so
-- routing by "the number a webhook is for" is one unique lookup.
COMMENT ON COLUMN whatsapp_channels.phone_number_id IS
    'Meta: the Cloud API phone number id. Twilio: the sender number in E.164 (whatsapp: prefix removed).';

-- Messages waiting to leave. A row is claimed with a lease, so one dispatcher at a time sends it; it is
-- deleted only after the provider accepted the message (or it failed for good).
CREATE TABLE outbox
(
    message_id      uuid        PRIMARY KEY REFERENCES messages (id),
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    conversation_id uuid        NOT NULL REFERENCES conversations (id),
    channel_key     text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    leased_until    timestamptz NULL,
    last_error      text        NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_outbox_due ON outbox (channel_key, next_attempt_at);

-- What the built-in local channel "sent": the product works end to end with no provider credentials.
CREATE TABLE local_outbox
(
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id  uuid        NOT NULL REFERENCES businesses (id),
    message_id   uuid        NOT NULL UNIQUE REFERENCES messages (id),
    recipient    text        NOT NULL,
    kind         text        NOT NULL,
    body         text        NULL,
    content      jsonb       NULL,
    sent_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_local_outbox_business ON local_outbox (business_id, id DESC);

-- The 24-hour customer-service window opens with each customer message.
ALTER TABLE conversations ADD COLUMN last_customer_message_at timestamptz NULL;
