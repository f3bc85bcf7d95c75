-- Accounts: e-mail verification, invitations, sessions with rotating refresh tokens, single-use
-- e-mailed tokens and the per-account login lockout (issue 10).

-- An employee is 'pending' from invitation until they accept it, 'active' while they may log in, and
-- 'deactivated' for good. is_active stays (other code reads it) and must agree with status.
ALTER TABLE employees
    ADD COLUMN status         text        NOT NULL DEFAULT 'active'
        CHECK (status IN ('pending', 'active', 'deactivated')),
    ADD COLUMN email_verified boolean     NOT NULL DEFAULT false,
    ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now();

UPDATE employees SET status = CASE WHEN is_active THEN 'active' ELSE 'deactivated' END;

-- Accounts created before verification existed were made by the platform itself (the demo seed).
UPDATE employees SET email_verified = true;

ALTER TABLE employees
    ADD CONSTRAINT ck_employees_status_active CHECK (is_active = (status = 'active'));

-- One login on one device. A session is one refresh-token family: rotation keeps the session, reuse
-- of a spent token revokes it. Access tokens carry the session id as their `sid` claim.
CREATE TABLE employee_sessions
(
    id           uuid        PRIMARY KEY,
    business_id  uuid        NOT NULL REFERENCES businesses (id),
    employee_id  uuid        NOT NULL REFERENCES employees (id),
    user_agent   text        NOT NULL DEFAULT '',
    ip_address   text        NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz NULL
);

CREATE INDEX ix_employee_sessions_employee ON employee_sessions (employee_id) WHERE revoked_at IS NULL;

-- Only the SHA-256 of a refresh token is stored: the token is 256 random bits, so a fast hash is
-- enough, and a copy of this table cannot be replayed.
CREATE TABLE refresh_tokens
(
    token_hash  bytea       PRIMARY KEY,
    family_id   uuid        NOT NULL REFERENCES employee_sessions (id),
    business_id uuid        NOT NULL REFERENCES businesses (id),
    employee_id uuid        NOT NULL REFERENCES employees (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL,
    revoked_at  timestamptz NULL,
    user_agent  text        NOT NULL DEFAULT '',
    ip_address  text        NOT NULL DEFAULT ''
);

CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);

-- Single-use, expiring tokens sent by e-mail: verification, password reset and invitation.
CREATE TABLE account_tokens
(
    token_hash  bytea       PRIMARY KEY,
    purpose     text        NOT NULL CHECK (purpose IN ('verify-email', 'reset-password', 'invitation')),
    business_id uuid        NOT NULL REFERENCES businesses (id),
    employee_id uuid        NOT NULL REFERENCES employees (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL
);

CREATE INDEX ix_account_tokens_employee ON account_tokens (employee_id, purpose) WHERE used_at IS NULL;

-- Failed logins per account, keyed by the SHA-256 of the normalised e-mail so that addresses nobody
-- owns are counted (and locked) exactly like real ones without being stored.
CREATE TABLE login_failures
(
    account_key       bytea       PRIMARY KEY,
    failures          integer     NOT NULL,
    window_started_at timestamptz NOT NULL,
    locked_until      timestamptz NULL
);
