using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Roles;

/// <summary>
/// The <c>roles</c> table: the system roles (no business) and each business's own. Every change of a business's
/// roles takes its <c>businesses</c> row lock, as role changes and invitations of its employees do, so a role
/// cannot be deleted while someone is being given it.
/// </summary>
public sealed class RoleStore(TenantDatabase database)
{
    private const string Columns = """
        r.id, r.name, r.permissions, r.is_system,
        (SELECT count(*) FROM employees e WHERE e.business_id = @business AND e.role = r.name AND e.status <> 'deactivated'),
        r.created_at, r.updated_at
        """;

    /// <summary>The system roles and the business's own, system roles first.</summary>
    public async Task<IReadOnlyList<RoleView>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM roles r
            WHERE r.business_id IS NULL OR r.business_id = @business
            ORDER BY r.is_system DESC, r.created_at, r.id
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>A system role, or a role of this business; <c>null</c> for any other business's.</summary>
    public async Task<RoleView?> GetAsync(Guid businessId, Guid roleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM roles r
            WHERE r.id = @id AND (r.business_id IS NULL OR r.business_id = @business)
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", roleId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The business's own role of this name with its version, or <c>null</c> (system roles are not read here).</summary>
    public async Task<RoleGrant?> FindGrantAsync(Guid businessId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT name, version, permissions FROM roles WHERE business_id = @business AND name = @name", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RoleGrant(reader.GetString(0), reader.GetInt32(1), Known(reader.GetFieldValue<string[]>(2)).ToHashSet(StringComparer.Ordinal), false)
            : null;
    }

    /// <summary>A new role of the business; refused when it already has one of that name.</summary>
    public async Task<RoleOutcome> CreateAsync(
        Guid businessId, string name, IReadOnlyCollection<string> permissions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await LockBusinessAsync(connection, transaction, businessId, cancellationToken))
        {
            return RoleOutcome.Refused(RoleRefusal.NotFound);
        }

        if (await FindIdAsync(connection, transaction, businessId, name, cancellationToken) is not null)
        {
            return RoleOutcome.Refused(RoleRefusal.NameTaken);
        }

        var id = Guid.CreateVersion7(now);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO roles (id, business_id, name, permissions, is_system, version, created_at, updated_at)
            VALUES (@id, @business, @name, @permissions, false, 1, @now, @now)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("business", businessId);
            insert.Parameters.AddWithValue("name", name);
            insert.Parameters.AddWithValue("permissions", Ordered(permissions));
            insert.Parameters.AddWithValue("now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var view = await GetAsync(connection, transaction, businessId, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RoleOutcome(view, null, []);
    }

    /// <summary>
    /// Renames the business's role (its holders' <c>employees.role</c> with it) and/or replaces its permissions,
    /// counting a new version either way.
    /// </summary>
    public async Task<RoleOutcome> UpdateAsync(
        Guid businessId, Guid roleId, string? name, IReadOnlyCollection<string>? permissions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await LockBusinessAsync(connection, transaction, businessId, cancellationToken))
        {
            return RoleOutcome.Refused(RoleRefusal.NotFound);
        }

        if (await GetAsync(connection, transaction, businessId, roleId, cancellationToken) is not { } current)
        {
            return RoleOutcome.Refused(RoleRefusal.NotFound);
        }

        if (current.IsSystem)
        {
            return RoleOutcome.Refused(RoleRefusal.SystemRole);
        }

        var newName = name ?? current.Name;
        if (newName != current.Name && await FindIdAsync(connection, transaction, businessId, newName, cancellationToken) is not null)
        {
            return RoleOutcome.Refused(RoleRefusal.NameTaken);
        }

        await using (var update = new NpgsqlCommand("""
            UPDATE roles SET name = @name, permissions = @permissions, version = version + 1, updated_at = @now
            WHERE id = @id AND business_id = @business;
            UPDATE employees SET role = @name, updated_at = @now WHERE business_id = @business AND role = @old;
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("id", roleId);
            update.Parameters.AddWithValue("business", businessId);
            update.Parameters.AddWithValue("name", newName);
            update.Parameters.AddWithValue("old", current.Name);
            update.Parameters.AddWithValue("permissions", Ordered(permissions ?? current.Permissions));
            update.Parameters.AddWithValue("now", now);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        var holders = await HoldersAsync(connection, transaction, businessId, newName, cancellationToken);
        var view = await GetAsync(connection, transaction, businessId, roleId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RoleOutcome(view, null, holders, current.Name);
    }

    /// <summary>Deletes the business's role; refused for system roles and while anyone (active or invited) holds it.</summary>
    public async Task<RoleOutcome> DeleteAsync(Guid businessId, Guid roleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await LockBusinessAsync(connection, transaction, businessId, cancellationToken)
            || await GetAsync(connection, transaction, businessId, roleId, cancellationToken) is not { } current)
        {
            return RoleOutcome.Refused(RoleRefusal.NotFound);
        }

        if (current.IsSystem)
        {
            return RoleOutcome.Refused(RoleRefusal.SystemRole);
        }

        if (current.Employees > 0)
        {
            return new RoleOutcome(current, RoleRefusal.InUse, []);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM roles WHERE id = @id AND business_id = @business", connection, transaction))
        {
            delete.Parameters.AddWithValue("id", roleId);
            delete.Parameters.AddWithValue("business", businessId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RoleOutcome(current, null, [], current.Name);
    }

    /// <summary>
    /// Whether <paramref name="name"/> is a role employees of the business may hold: a system role or one of its own.
    /// Run inside a transaction holding the business's row lock, so the answer holds until it commits.
    /// </summary>
    public static async Task<bool> ExistsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, string name, CancellationToken cancellationToken) =>
        SystemRoles.Find(name) is not null || await FindIdAsync(connection, transaction, businessId, name, cancellationToken) is not null;

    /// <summary>Takes the business's row lock for the rest of the transaction; false when there is no such business.</summary>
    public static async Task<bool> LockBusinessAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM businesses WHERE id = @business FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("business", businessId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>The permissions in the canonical order, unknown names dropped (a name removed from the code grants nothing).</summary>
    public static string[] Ordered(IEnumerable<string> permissions)
    {
        var given = permissions.ToHashSet(StringComparer.Ordinal);
        return Permissions.All.Select(p => p.Name).Where(given.Contains).ToArray();
    }

    private static IEnumerable<string> Known(IEnumerable<string> permissions) => permissions.Where(Permissions.IsKnown);

    private static async Task<Guid?> FindIdAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM roles WHERE business_id = @business AND name = @name", connection, transaction);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is Guid id ? id : null;
    }

    private static async Task<IReadOnlyList<Guid>> HoldersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id FROM employees WHERE business_id = @business AND role = @name AND status <> 'deactivated'", connection, transaction);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("name", name);
        var holders = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            holders.Add(reader.GetGuid(0));
        }

        return holders;
    }

    private static async Task<RoleView?> GetAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, Guid roleId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM roles r
            WHERE r.id = @id AND (r.business_id IS NULL OR r.business_id = @business)
            """, connection, transaction);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", roleId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<RoleView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var roles = new List<RoleView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            roles.Add(new RoleView(
                reader.GetGuid(0), reader.GetString(1), Ordered(Known(reader.GetFieldValue<string[]>(2))), reader.GetBoolean(3),
                reader.GetInt64(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return roles;
    }
}
