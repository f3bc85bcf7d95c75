using System.Globalization;
using Conversations.Infrastructure.Database;
using Conversations.TestSupport;
using Npgsql;

namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>
/// The database's own tenant isolation (migration 0027): through the application's role, a query that forgets
/// its <c>business_id</c> filter still sees only the business its connection is scoped to.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class RowLevelSecurityTests(IsolationFixture fixture)
{
    // Tables without a business_id: the cluster's and the platform's own, or reached only through a tenant row.
    private static readonly string[] NonTenantTables =
    [
        "orleansquery", "orleans_membership_version", "orleans_membership", "orleans_grain_state", "orleans_reminders",
        "schema_migrations", "data_protection_keys", "platform_secrets", "platform_admins",
        "login_failures", // keyed by a hash of the e-mail, before any business is known
        "media_removals", // storage keys of deleted files, queued by a trigger for the node that deletes them
        "recovery_codes", // an employee's two-factor recovery codes, reached only through the employee's id
        "businesses", // the tenant itself: its policy compares id, not business_id
    ];

    private static readonly string[] TenantTables =
    [
        "businesses", "employees", "services", "whatsapp_channels", "customers", "conversations", "messages", "bookings",
        "notes", "canned_responses", "knowledge_articles", "prompt_templates", "api_keys", "webhook_endpoints", "media_files",
        "employee_sessions", "roles", "automation_rules", "macros", "sla_policies",
    ];

    [Fact]
    public async Task A_raw_query_without_a_business_filter_through_the_application_role_returns_only_the_current_tenant_s_rows()
    {
        await TenantBHasAConversationAsync();
        var a = fixture.TenantA.BusinessId;
        var tenants = fixture.App.Service<TenantDatabase>();
        await using var connection = await tenants.OpenAsync(a, CancellationToken.None);

        foreach (var table in TenantTables)
        {
            var tenantColumn = table == "businesses" ? "id" : "business_id";
            var seen = await BusinessIdsAsync(connection, $"SELECT {tenantColumn} FROM {table}");
            var owned = await OwnerCountAsync($"SELECT count(*) FROM {table} WHERE {tenantColumn} = @a", a);
            Assert.True(owned > 0, $"{table}: business A has no rows, so the test proves nothing");
            Assert.All(seen, id => Assert.True(id == a || (table == "roles" && id is null), $"{table}: a row of {id} is visible in A's scope"));
            Assert.Equal(owned, seen.Count(id => id == a));
        }

        foreach (var table in new[] { "customers", "conversations", "messages", "employees", "services" })
        {
            var others = await OwnerCountAsync($"SELECT count(*) FROM {table} WHERE business_id <> @a", a);
            Assert.True(others > 0, $"{table}: no other business has rows, so the test proves nothing");
        }
    }

    [Fact]
    public async Task A_connection_without_a_scope_sees_no_tenant_rows()
    {
        await using var connection = await fixture.App.Service<TenantDatabase>().OpenUnscopedAsync(CancellationToken.None);
        foreach (var table in TenantTables.Where(t => t != "roles"))
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            Assert.True(Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0, $"{table} has rows visible without a scope");
        }

        await using var roles = new NpgsqlCommand("SELECT count(*) FROM roles WHERE business_id IS NOT NULL", connection);
        Assert.Equal(0L, await roles.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_system_scope_sees_every_business()
    {
        await TenantBHasAConversationAsync();
        await using var connection = await fixture.App.Service<TenantDatabase>().OpenSystemAsync(CancellationToken.None);
        var seen = await BusinessIdsAsync(connection, "SELECT business_id FROM conversations");
        Assert.Contains(fixture.TenantA.BusinessId, seen);
        Assert.Contains(fixture.TenantB.BusinessId, seen);
    }

    [Fact]
    public async Task Writing_another_business_s_row_under_a_tenant_s_scope_is_refused()
    {
        var tenants = fixture.App.Service<TenantDatabase>();
        await using var connection = await tenants.OpenAsync(fixture.TenantA.BusinessId, CancellationToken.None);

        await using var insert = new NpgsqlCommand("INSERT INTO customers (id, business_id, name) VALUES (@id, @b, 'Intruder')", connection);
        insert.Parameters.AddWithValue("id", Guid.NewGuid());
        insert.Parameters.AddWithValue("b", fixture.TenantB.BusinessId);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);

        await using var move = new NpgsqlCommand("UPDATE customers SET business_id = @b WHERE id = @id", connection);
        move.Parameters.AddWithValue("b", fixture.TenantB.BusinessId);
        move.Parameters.AddWithValue("id", fixture.World.CustomerId);
        var moved = await Assert.ThrowsAsync<PostgresException>(() => move.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, moved.SqlState);

        await using var touch = new NpgsqlCommand("UPDATE conversations SET labels = labels WHERE business_id = @b", connection);
        touch.Parameters.AddWithValue("b", fixture.TenantB.BusinessId);
        Assert.Equal(0, await touch.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Every_table_with_a_business_id_has_row_level_security_for_the_application_role()
    {
        var tables = new List<(string Table, bool HasBusinessId, bool Enabled, bool Policy)>();
        await using (var command = fixture.App.Service<NpgsqlDataSource>().CreateCommand("""
            SELECT c.relname,
                   EXISTS (SELECT 1 FROM information_schema.columns col
                            WHERE col.table_schema = 'public' AND col.table_name = c.relname AND col.column_name = 'business_id'),
                   c.relrowsecurity,
                   EXISTS (SELECT 1 FROM pg_policies p
                            WHERE p.schemaname = 'public' AND p.tablename = c.relname AND 'conversations_app' = ANY (p.roles))
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3)));
            }
        }

        Assert.Contains(tables, t => t.Table == "messages");
        foreach (var (table, hasBusinessId, enabled, policy) in tables)
        {
            if (hasBusinessId)
            {
                Assert.True(enabled && policy, $"{table} has a business_id but no row-level security policy for conversations_app");
            }
            else if (!hasBusinessId)
            {
                Assert.True(NonTenantTables.Contains(table), $"{table} has no business_id: protect it, or say here why it is no tenant table");
            }
        }

        Assert.True(tables.Single(t => t.Table == "businesses") is { Enabled: true, Policy: true }, "businesses has no policy");
    }

    [Fact]
    public async Task The_application_role_can_neither_bypass_the_policies_nor_own_a_table()
    {
        var role = await OwnerScalarAsync<bool>("""
            SELECT NOT rolsuper AND NOT rolbypassrls AND NOT rolcanlogin
                   AND NOT EXISTS (SELECT 1 FROM pg_tables WHERE tableowner = 'conversations_app')
              FROM pg_roles WHERE rolname = 'conversations_app'
            """);
        Assert.True(role);

        await using var connection = await fixture.App.Service<TenantDatabase>().OpenUnscopedAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT current_user", connection);
        Assert.Equal(TenantDatabase.ApplicationRole, await command.ExecuteScalarAsync());
    }

    private async Task TenantBHasAConversationAsync()
    {
        var waId = "34611" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        await fixture.App.CustomerWritesAsync(fixture.TenantB, waId, $"wamid.{Guid.NewGuid():N}", "Hola, soy de B");
        await Eventually.GetAsync(
            () => OwnerCountAsync("SELECT count(*) FROM messages WHERE business_id = @a", fixture.TenantB.BusinessId), count => count > 0);
    }

    private static async Task<List<Guid?>> BusinessIdsAsync(NpgsqlConnection connection, string sql)
    {
        var ids = new List<Guid?>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.IsDBNull(0) ? null : reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<long> OwnerCountAsync(string sql, Guid business)
    {
        await using var command = fixture.App.Service<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.AddWithValue("a", business);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<T> OwnerScalarAsync<T>(string sql)
    {
        await using var command = fixture.App.Service<NpgsqlDataSource>().CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
