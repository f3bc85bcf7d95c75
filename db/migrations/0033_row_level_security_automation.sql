-- Row-level security (migration 0027) for the automation and SLA tables of migrations 0028-0029: their stores now
-- run as conversations_app, scoped to the business. Their privileges come from 0027's default privileges.

DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['automation_rules', 'macros', 'automation_executions', 'sla_policies', 'sla_targets']
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
