-- Tenant isolation in the database itself: the application's queries run as conversations_app, which sees
-- only the rows of the business its transaction is scoped to (conversations.business_id), or every row when
-- the code deliberately asks for the system scope (conversations.scope = 'system'). Neither set: no rows.
-- The owner of the tables (the migrator, Orleans' providers) is not subject to these policies.

-- Roles are cluster-wide: another database on the same server may have made it (or be making it right now).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'conversations_app') THEN
        CREATE ROLE conversations_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END;
$$;

-- The login role switches to it per connection (SET ROLE through the connection's startup options).
DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'conversations_app', 'MEMBER') THEN
        EXECUTE format('GRANT conversations_app TO %I', current_user);
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END;
$$;

GRANT USAGE ON SCHEMA public TO conversations_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO conversations_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO conversations_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO conversations_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO conversations_app;

-- The business the current transaction (or connection) is scoped to; null when none is.
CREATE FUNCTION conversations_current_business() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('conversations.business_id', true), '')::uuid $$;

-- Whether the code asked for every business on purpose (routing a webhook by number, login by e-mail, ...).
CREATE FUNCTION conversations_system_scope() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coalesce(current_setting('conversations.scope', true), '') = 'system' $$;

-- In the policies below each setting is read in a sub-select: evaluated once per statement, not once per row.
DO $$
DECLARE
    tenant_table text;
BEGIN
    FOR tenant_table IN
        SELECT c.table_name
          FROM information_schema.columns c
          JOIN information_schema.tables t USING (table_schema, table_name)
         WHERE c.table_schema = 'public' AND c.column_name = 'business_id' AND t.table_type = 'BASE TABLE'
           AND c.table_name <> 'roles'
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I TO conversations_app '
            'USING (business_id = (SELECT conversations_current_business()) OR (SELECT conversations_system_scope())) '
            'WITH CHECK (business_id = (SELECT conversations_current_business()) OR (SELECT conversations_system_scope()))',
            tenant_table);
    END LOOP;
END;
$$;

-- The system roles (business_id null) belong to every business: readable in any scope, written only by the system.
ALTER TABLE roles ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON roles TO conversations_app
    USING (business_id IS NULL OR business_id = (SELECT conversations_current_business()) OR (SELECT conversations_system_scope()))
    WITH CHECK (business_id = (SELECT conversations_current_business()) OR (SELECT conversations_system_scope()));

-- A business is its own tenant row.
ALTER TABLE businesses ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON businesses TO conversations_app
    USING (id = (SELECT conversations_current_business()) OR (SELECT conversations_system_scope()))
    WITH CHECK (id = (SELECT conversations_current_business()) OR (SELECT conversations_system_scope()));
