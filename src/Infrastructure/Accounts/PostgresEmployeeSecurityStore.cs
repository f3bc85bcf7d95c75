using Conversations.Grains.Employees;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Roles;
using Npgsql;

namespace Conversations.Infrastructure.Accounts;

/// <inheritdoc cref="IEmployeeSecurityStore"/>
public sealed class PostgresEmployeeSecurityStore(TenantDatabase database) : IEmployeeSecurityStore
{
    public async Task<EmployeeSecurity?> LoadAsync(Guid employeeId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT e.business_id, e.status, e.role,
                   coalesce(array_agg(s.id) FILTER (WHERE s.id IS NOT NULL), '{}'),
                   coalesce((SELECT r.version FROM roles r WHERE r.business_id = e.business_id AND r.name = e.role), 0)
            FROM employees e
            LEFT JOIN employee_sessions s ON s.employee_id = e.id AND s.revoked_at IS NULL AND s.expires_at > @now
            WHERE e.id = @id
            GROUP BY e.id, e.business_id, e.status, e.role
            """, connection);
        command.Parameters.AddWithValue("id", employeeId);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new EmployeeSecurity(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<Guid[]>(3), reader.GetInt32(4));
    }

    public async Task<Guid[]> RevokeSessionsAsync(Guid employeeId, Guid[] sessionIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var revoked = await RevokeAsync(
            connection, transaction, "employee_id = @employee AND id = ANY(@ids)",
            [new("employee", employeeId), new("ids", sessionIds)], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revoked;
    }

    public async Task<Guid[]> RevokeOtherSessionsAsync(Guid employeeId, Guid? keep, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var revoked = await RevokeAsync(
            connection, transaction, "employee_id = @employee AND id <> @keep",
            [new("employee", employeeId), new("keep", keep ?? Guid.Empty)], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revoked;
    }

    public async Task<EmployeeChangeResult> ChangeRoleAsync(
        Guid businessId, Guid employeeId, string role, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var check = await CheckOwnersAsync(connection, transaction, businessId, employeeId, leavesOwnership: role != EmployeeRoles.Owner, cancellationToken);
        if (check != EmployeeChangeResult.Changed)
        {
            return check;
        }

        // Under the business's row lock, which deleting a role takes too: the role cannot vanish before this commits.
        if (!await RoleStore.ExistsAsync(connection, transaction, businessId, role, cancellationToken))
        {
            return EmployeeChangeResult.UnknownRole;
        }

        await using var update = new NpgsqlCommand(
            "UPDATE employees SET role = @role, updated_at = @now WHERE id = @id AND business_id = @business",
            connection, transaction);
        update.Parameters.AddWithValue("role", role);
        update.Parameters.AddWithValue("now", now);
        update.Parameters.AddWithValue("id", employeeId);
        update.Parameters.AddWithValue("business", businessId);
        await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EmployeeChangeResult.Changed;
    }

    public async Task<EmployeeChangeResult> DeactivateAsync(
        Guid businessId, Guid employeeId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var check = await CheckOwnersAsync(connection, transaction, businessId, employeeId, leavesOwnership: true, cancellationToken);
        if (check != EmployeeChangeResult.Changed)
        {
            return check;
        }

        await using (var update = new NpgsqlCommand("""
            UPDATE employees SET status = 'deactivated', is_active = false, updated_at = @now
            WHERE id = @id AND business_id = @business;
            UPDATE account_tokens SET used_at = @now WHERE employee_id = @id AND used_at IS NULL;
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("id", employeeId);
            update.Parameters.AddWithValue("business", businessId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await RevokeAsync(connection, transaction, "employee_id = @employee", [new("employee", employeeId)], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EmployeeChangeResult.Changed;
    }

    /// <summary>
    /// Locks the business row (serialising every role and status change in it, so two owners cannot
    /// demote each other at once) and checks the employee exists in it and the change leaves an active owner.
    /// </summary>
    private static async Task<EmployeeChangeResult> CheckOwnersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, Guid employeeId, bool leavesOwnership, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT e.role, e.status,
                   (SELECT count(*) FROM employees o WHERE o.business_id = b.id AND o.role = 'owner' AND o.status = 'active' AND o.id <> e.id)
            FROM businesses b
            JOIN employees e ON e.business_id = b.id AND e.id = @employee
            WHERE b.id = @business
            FOR UPDATE OF b
            """, connection, transaction);
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.AddWithValue("business", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return EmployeeChangeResult.NotFound;
        }

        var isActiveOwner = reader.GetString(0) == EmployeeRoles.Owner && reader.GetString(1) == EmployeeStatus.Active;
        return isActiveOwner && leavesOwnership && reader.GetInt64(2) == 0 ? EmployeeChangeResult.LastOwner : EmployeeChangeResult.Changed;
    }

    private static async Task<Guid[]> RevokeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string filter,
        NpgsqlParameter[] parameters,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            WITH revoked AS (
                UPDATE employee_sessions SET revoked_at = @now
                WHERE {filter} AND revoked_at IS NULL AND expires_at > @now
                RETURNING id),
            tokens AS (
                UPDATE refresh_tokens SET revoked_at = @now
                WHERE family_id IN (SELECT id FROM revoked) AND revoked_at IS NULL)
            SELECT id FROM revoked
            """, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }
}
