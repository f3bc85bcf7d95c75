-- Two-factor authentication (TOTP, RFC 6238) with single-use recovery codes, optional per employee and
-- enforceable per business.

ALTER TABLE employees
    -- The shared secret as one Data Protection payload: pending until a first code proves the app has it.
    ADD COLUMN totp_secret     text        NULL,
    ADD COLUMN totp_enabled_at timestamptz NULL,
    -- The last step whose code was accepted: a code (or an older one) never works twice.
    ADD COLUMN totp_last_step  bigint      NULL;

ALTER TABLE businesses ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false;

CREATE TABLE recovery_codes
(
    employee_id uuid        NOT NULL REFERENCES employees (id),
    -- SHA-256 of the code: the codes themselves are shown once.
    code_hash   bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    used_at     timestamptz NULL,
    PRIMARY KEY (employee_id, code_hash)
);
