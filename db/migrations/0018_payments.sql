-- Payments through Stripe: what customers pay for their bookings (and get back when they cancel), the
-- businesses' own plans with the platform, and the Stripe events already handled.

-- When the booking was paid online. The analytics migration may add the same column: keep exactly this type.
ALTER TABLE bookings ADD COLUMN IF NOT EXISTS paid_at timestamptz NULL;

-- One Checkout Session per row. A booking may have several over time (an expired link is replaced), at
-- most one of them paid.
CREATE TABLE payments
(
    id                 uuid        PRIMARY KEY,
    business_id        uuid        NOT NULL REFERENCES businesses (id),
    booking_id         uuid        NOT NULL REFERENCES bookings (id),
    stripe_session_id  text        NOT NULL UNIQUE,
    payment_intent_id  text        NULL,
    amount_minor       bigint      NOT NULL CHECK (amount_minor > 0),
    currency           char(3)     NOT NULL,
    status             text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'refunded', 'expired')),
    url                text        NOT NULL,
    expires_at         timestamptz NOT NULL,
    created_at         timestamptz NOT NULL,
    paid_at            timestamptz NULL,
    refunded_at        timestamptz NULL,
    refund_id          text        NULL,
    refunded_minor     bigint      NOT NULL DEFAULT 0
);

CREATE INDEX ix_payments_booking ON payments (booking_id, created_at DESC);
CREATE INDEX ix_payments_business ON payments (business_id, created_at DESC);
CREATE INDEX ix_payments_intent ON payments (payment_intent_id) WHERE payment_intent_id IS NOT NULL;

-- Every Stripe event handled, inserted in the same transaction as its change: a redelivered event changes nothing.
CREATE TABLE stripe_events
(
    id          text        PRIMARY KEY,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL,
    business_id uuid        NULL REFERENCES businesses (id)
);

-- A business's payment policy. Without a row: online payments on, full refund on cancellation.
CREATE TABLE payment_settings
(
    business_id         uuid        PRIMARY KEY REFERENCES businesses (id),
    online_payments     boolean     NOT NULL DEFAULT true,
    refund_policy       text        NOT NULL DEFAULT 'full' CHECK (refund_policy IN ('full', 'none', 'full_before_window')),
    -- For full_before_window: a cancellation at least this many hours before the start is refunded in full.
    refund_window_hours integer     NULL CHECK (refund_window_hours BETWEEN 1 AND 8760),
    updated_at          timestamptz NOT NULL,
    CHECK ((refund_policy = 'full_before_window') = (refund_window_hours IS NOT NULL))
);

-- A business's plan with the platform. Without a row the business is on the default plan (a trial).
CREATE TABLE subscriptions
(
    business_id            uuid        PRIMARY KEY REFERENCES businesses (id),
    plan                   text        NOT NULL,
    status                 text        NOT NULL,
    stripe_customer_id     text        NULL UNIQUE,
    stripe_subscription_id text        NULL UNIQUE,
    current_period_end     timestamptz NULL,
    cancel_at_period_end   boolean     NOT NULL DEFAULT false,
    -- The creation time of the newest Stripe event applied: an older event delivered late changes nothing.
    stripe_event_at        timestamptz NULL,
    updated_at             timestamptz NOT NULL
);

-- The platform's invoices to a business, as Stripe's invoice events tell them.
CREATE TABLE invoices
(
    id              text        PRIMARY KEY,
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    number          text        NULL,
    amount_due      bigint      NOT NULL,
    amount_paid     bigint      NOT NULL,
    currency        char(3)     NOT NULL,
    status          text        NOT NULL,
    hosted_url      text        NULL,
    period_start    timestamptz NULL,
    period_end      timestamptz NULL,
    created_at      timestamptz NOT NULL,
    stripe_event_at timestamptz NOT NULL
);

CREATE INDEX ix_invoices_business ON invoices (business_id, created_at DESC);

-- The conversations the assistant answered per business and calendar month (UTC): the plan's allowance.
CREATE TABLE assistant_conversation_months
(
    business_id     uuid        NOT NULL REFERENCES businesses (id),
    month           date        NOT NULL,
    conversation_id uuid        NOT NULL,
    started_at      timestamptz NOT NULL,
    PRIMARY KEY (business_id, month, conversation_id)
);

-- Owners are told once per month and threshold (80 %, 100 %) that a plan limit is near or reached.
CREATE TABLE plan_limit_notices
(
    business_id uuid        NOT NULL REFERENCES businesses (id),
    month       date        NOT NULL,
    limit_name  text        NOT NULL,
    threshold   integer     NOT NULL,
    notified_at timestamptz NOT NULL,
    PRIMARY KEY (business_id, month, limit_name, threshold)
);
