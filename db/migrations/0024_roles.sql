-- Roles and permissions (issue #10). A role is a named set of permissions. The four system roles (owner,
-- admin, agent, viewer) have no business and belong to every business; their permissions are defined in code
-- (SystemRoles) and copied here at every start-up, so this seed is only their first copy. A business adds
-- roles of its own, named like the system roles (lower-case, digits, '-', '_').
--
-- employees.role keeps naming the role (not its id): tokens carry that name, so tokens issued before this
-- migration keep working. The name refers to a system role or to a role of the employee's own business;
-- the application checks it under the business's row lock (the same lock that keeps a business's last owner),
-- and refuses to delete a role any employee still holds.
--
-- version counts the changes of a business's role; tokens of its holders carry it (claim role_version) and
-- employee grains refuse tokens of an older version, so a changed role takes effect on the next request.

CREATE TABLE roles
(
    id          uuid        PRIMARY KEY,
    business_id uuid        NULL REFERENCES businesses (id),
    name        text        NOT NULL CHECK (name ~ '^[a-z][a-z0-9_-]{1,31}$'),
    permissions text[]      NOT NULL DEFAULT '{}',
    is_system   boolean     NOT NULL DEFAULT false,
    version     integer     NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ck_roles_system_has_no_business CHECK (is_system = (business_id IS NULL))
);

CREATE UNIQUE INDEX ux_roles_system_name ON roles (name) WHERE business_id IS NULL;
CREATE UNIQUE INDEX ux_roles_business_name ON roles (business_id, name) WHERE business_id IS NOT NULL;

INSERT INTO roles (id, business_id, name, permissions, is_system) VALUES
    ('00000000-0000-0000-0000-000000000001', NULL, 'owner', ARRAY[
        'conversations.read', 'conversations.reply', 'conversations.handle', 'conversations.supervise', 'notes.write',
        'canned_responses.write', 'customers.read', 'customers.write', 'customers.import', 'customers.export',
        'customers.erase', 'bookings.read', 'bookings.write', 'services.manage', 'calendar.business', 'knowledge.read',
        'knowledge.manage', 'templates.read', 'templates.manage', 'assistant.read', 'assistant.manage', 'settings.read',
        'settings.manage', 'security.manage', 'employees.read', 'employees.manage', 'roles.manage',
        'integrations.manage', 'billing.manage', 'ratings.read', 'analytics.read', 'activity.read'], true),
    ('00000000-0000-0000-0000-000000000002', NULL, 'admin', ARRAY[
        'conversations.read', 'conversations.reply', 'conversations.handle', 'conversations.supervise', 'notes.write',
        'canned_responses.write', 'customers.read', 'customers.write', 'customers.import', 'customers.export',
        'customers.erase', 'bookings.read', 'bookings.write', 'services.manage', 'calendar.business', 'knowledge.read',
        'knowledge.manage', 'templates.read', 'templates.manage', 'assistant.read', 'assistant.manage', 'settings.read',
        'settings.manage', 'employees.read', 'employees.manage', 'roles.manage',
        'integrations.manage', 'ratings.read', 'analytics.read', 'activity.read'], true),
    ('00000000-0000-0000-0000-000000000003', NULL, 'agent', ARRAY[
        'conversations.read', 'conversations.reply', 'conversations.handle', 'notes.write', 'canned_responses.write',
        'customers.read', 'customers.write', 'bookings.read', 'bookings.write', 'knowledge.read', 'templates.read',
        'assistant.read', 'settings.read', 'employees.read', 'ratings.read', 'activity.read'], true),
    ('00000000-0000-0000-0000-000000000004', NULL, 'viewer', ARRAY[
        'conversations.read', 'customers.read', 'bookings.read', 'knowledge.read', 'templates.read', 'assistant.read',
        'settings.read', 'employees.read', 'ratings.read', 'activity.read'], true);

-- The names were a closed list; now they are the roles above and each business's own.
ALTER TABLE employees DROP CONSTRAINT employees_role_check;

-- "Is this role still held?" before deleting it, and the holders to tell when it changes.
CREATE INDEX ix_employees_business_role ON employees (business_id, role);
