using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Roles;

/// <summary>
/// Copies the system roles' permissions from code into <c>roles</c> at start-up, after the migrations, so lists and
/// the database agree with what permission checks enforce. Idempotent, so every node may run it.
/// </summary>
public sealed class SystemRolesSync(TenantDatabase database, TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var role in SystemRoles.All)
        {
            await using var connection = await database.OpenSystemAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                INSERT INTO roles (id, business_id, name, permissions, is_system, version, created_at, updated_at)
                VALUES (@id, NULL, @name, @permissions, true, 1, @now, @now)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, permissions = excluded.permissions,
                    version = roles.version + 1, updated_at = excluded.updated_at
                WHERE roles.name IS DISTINCT FROM excluded.name OR roles.permissions IS DISTINCT FROM excluded.permissions
                """, connection);
            command.Parameters.AddWithValue("id", role.Id);
            command.Parameters.AddWithValue("name", role.Name);
            command.Parameters.AddWithValue("permissions", RoleStore.Ordered(role.Permissions));
            command.Parameters.AddWithValue("now", time.GetUtcNow());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
