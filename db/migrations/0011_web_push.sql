-- Browsers that asked for Web Push notifications, per employee.
CREATE TABLE push_subscriptions
(
    endpoint    text        PRIMARY KEY,
    business_id uuid        NOT NULL REFERENCES businesses (id),
    employee_id uuid        NOT NULL REFERENCES employees (id),
    p256dh      text        NOT NULL,
    auth        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_push_subscriptions_employee ON push_subscriptions (employee_id);
