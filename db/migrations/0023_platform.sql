-- The platform's own administrators, outside any business, and suspending a business.

CREATE TABLE platform_admins
(
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    last_login_at timestamptz NULL
);

CREATE UNIQUE INDEX ux_platform_admins_email ON platform_admins (lower(email));

-- A suspended business's webhooks are still accepted and stored, but its assistant does not answer and its
-- people cannot log in.
ALTER TABLE businesses
    ADD COLUMN suspended_at     timestamptz NULL,
    ADD COLUMN suspended_reason text        NULL;
