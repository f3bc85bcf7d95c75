-- Customers, services with their availability, bookings (no double booking, enforced here) and calendar feeds.
-- Both extensions ship with Debian's postgresql-15 package (contrib is built in).

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- ── Customers ────────────────────────────────────────────────────────────────────────────────────────────
-- A business's customer record. Created by the API, a CSV import, or the trigger below when a customer's
-- first WhatsApp message opens a conversation. Erasing wipes the personal fields and keeps the row, so
-- bookings (kept for accounting) still point at something.
CREATE TABLE customers
(
    id            uuid        PRIMARY KEY,
    business_id   uuid        NOT NULL REFERENCES businesses (id),
    name          text        NULL,
    wa_id         text        NULL,
    phone         text        NULL,
    email         text        NULL,
    tags          text[]      NOT NULL DEFAULT '{}',
    is_vip        boolean     NOT NULL DEFAULT false,
    attributes    jsonb       NOT NULL DEFAULT '{}',
    notes_count   integer     NOT NULL DEFAULT 0,
    first_seen_at timestamptz NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    erased_at     timestamptz NULL
);

CREATE UNIQUE INDEX ux_customers_wa_id ON customers (business_id, wa_id) WHERE wa_id IS NOT NULL;
CREATE UNIQUE INDEX ux_customers_phone ON customers (business_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX ix_customers_business_page ON customers (business_id, created_at, id);
CREATE INDEX ix_customers_tags ON customers USING gin (tags);
-- Search by name, phone or e-mail: a trigram index on the same expression the queries use with ILIKE.
CREATE INDEX ix_customers_search ON customers
    USING gin ((coalesce(name, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(email, '')) gin_trgm_ops);

-- The first message from a new WhatsApp id inserts its conversation (PostgresConversationStore); this
-- trigger turns that into a customer without the conversation grain or the store knowing about customers.
-- A customer imported or created by phone earlier is linked instead of duplicated: a WhatsApp id is the
-- customer's number in international format without the '+'.
CREATE FUNCTION customers_from_conversation() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE customers
       SET wa_id = NEW.customer_wa_id,
           name = coalesce(name, NEW.customer_name),
           first_seen_at = coalesce(first_seen_at, NEW.created_at),
           updated_at = now()
     WHERE business_id = NEW.business_id AND wa_id IS NULL AND erased_at IS NULL
       AND phone = '+' || NEW.customer_wa_id;
    IF NOT FOUND THEN
        INSERT INTO customers (id, business_id, name, wa_id, phone, first_seen_at)
        VALUES (gen_random_uuid(), NEW.business_id, NEW.customer_name, NEW.customer_wa_id,
                CASE WHEN NEW.customer_wa_id ~ '^[1-9][0-9]{6,14}$' THEN '+' || NEW.customer_wa_id END,
                NEW.created_at)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_conversations_customer
    AFTER INSERT ON conversations
    FOR EACH ROW EXECUTE FUNCTION customers_from_conversation();

-- Customers who wrote before this migration.
INSERT INTO customers (id, business_id, name, wa_id, phone, first_seen_at)
SELECT gen_random_uuid(), c.business_id, c.customer_name, c.customer_wa_id,
       CASE WHEN c.customer_wa_id ~ '^[1-9][0-9]{6,14}$' THEN '+' || c.customer_wa_id END, c.created_at
  FROM conversations c
ON CONFLICT DO NOTHING;

-- Saved filters over customers.
CREATE TABLE customer_segments
(
    id          uuid        PRIMARY KEY,
    business_id uuid        NOT NULL REFERENCES businesses (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    search      text        NULL,
    tag         text        NULL,
    vip         boolean     NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_customer_segments_business ON customer_segments (business_id, name);

-- ── Services and availability ────────────────────────────────────────────────────────────────────────────
ALTER TABLE services
    ADD COLUMN buffer_minutes integer     NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 1440),
    ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now();

-- Which employees perform a service. A service with none is booked against the business as one resource.
CREATE TABLE service_employees
(
    service_id  uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    employee_id uuid NOT NULL REFERENCES employees (id),
    business_id uuid NOT NULL REFERENCES businesses (id),
    PRIMARY KEY (service_id, employee_id)
);

-- Opening hours per ISO weekday (1 = Monday … 7 = Sunday), in the business's local time. Rows with a
-- service_id are that service's own hours and replace the business's; rows without are the business's.
-- Several rows for one day make a split day (09:00–13:00, 16:00–20:00).
CREATE TABLE opening_hours
(
    id          uuid     PRIMARY KEY,
    business_id uuid     NOT NULL REFERENCES businesses (id),
    service_id  uuid     NULL REFERENCES services (id) ON DELETE CASCADE,
    weekday     smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens       time     NOT NULL,
    closes      time     NOT NULL,
    CHECK (opens < closes)
);

CREATE INDEX ix_opening_hours_owner ON opening_hours (business_id, service_id);

-- Dates that differ from the week: closed (holidays: opens/closes null) or open at other hours. Like
-- opening_hours, a service's own exceptions are added to the business's.
CREATE TABLE availability_exceptions
(
    id          uuid NOT NULL PRIMARY KEY,
    business_id uuid NOT NULL REFERENCES businesses (id),
    service_id  uuid NULL REFERENCES services (id) ON DELETE CASCADE,
    day         date NOT NULL,
    opens       time NULL,
    closes      time NULL,
    reason      text NOT NULL DEFAULT '',
    CHECK ((opens IS NULL AND closes IS NULL) OR (opens IS NOT NULL AND closes IS NOT NULL AND opens < closes))
);

CREATE INDEX ix_availability_exceptions_owner ON availability_exceptions (business_id, service_id, day);

-- ── Bookings ─────────────────────────────────────────────────────────────────────────────────────────────
-- resource_id is what the slot is taken from: the staff member when there is one, else the business itself
-- (see BookingRules). blocked_until is the end plus the service's buffer, so the buffer is protected too.
CREATE TABLE bookings
(
    id            uuid        PRIMARY KEY,
    business_id   uuid        NOT NULL REFERENCES businesses (id),
    service_id    uuid        NOT NULL REFERENCES services (id),
    customer_id   uuid        NOT NULL REFERENCES customers (id),
    staff_id      uuid        NULL REFERENCES employees (id),
    resource_id   uuid        NOT NULL,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    blocked_until timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('pending', 'confirmed', 'completed', 'cancelled', 'no_show')),
    notes         text        NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CHECK (starts_at < ends_at AND ends_at <= blocked_until),
    -- No double booking, whoever writes: two live bookings of one resource never overlap.
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
        business_id WITH =, resource_id WITH =, tstzrange(starts_at, blocked_until) WITH &&)
        WHERE (status <> 'cancelled')
);

CREATE INDEX ix_bookings_business_start ON bookings (business_id, starts_at);
CREATE INDEX ix_bookings_customer ON bookings (customer_id);

-- Who changed what, append-only.
CREATE TABLE booking_events
(
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  uuid        NOT NULL REFERENCES bookings (id),
    business_id uuid        NOT NULL REFERENCES businesses (id),
    at          timestamptz NOT NULL,
    actor       text        NOT NULL CHECK (actor IN ('employee', 'assistant', 'system')),
    employee_id uuid        NULL,
    change      text        NOT NULL,
    from_status text        NULL,
    to_status   text        NULL,
    starts_at   timestamptz NULL
);

CREATE INDEX ix_booking_events_booking ON booking_events (booking_id, id);

-- ── Calendar feeds ───────────────────────────────────────────────────────────────────────────────────────
-- The secret is the only credential of a feed URL (calendar apps cannot log in); rotating replaces it.
CREATE TABLE calendar_feeds
(
    id          uuid        PRIMARY KEY,
    business_id uuid        NOT NULL REFERENCES businesses (id),
    employee_id uuid        NULL REFERENCES employees (id),
    secret      text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_calendar_feeds_owner ON calendar_feeds (business_id, coalesce(employee_id, '00000000-0000-0000-0000-000000000000'));
