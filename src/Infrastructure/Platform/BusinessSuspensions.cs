using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Platform;

/// <summary>Every business, for platform administrators, and whether each is suspended.</summary>
public sealed class BusinessSuspensions(TenantDatabase database, TimeProvider time)
{
    public async Task<IReadOnlyList<BusinessOverview>> ListAsync(string? search, bool? suspended, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT b.id, b.name, b.time_zone, b.created_at,
                   (SELECT count(*) FROM employees e WHERE e.business_id = b.id AND e.status = 'active'),
                   (SELECT count(*) FROM conversations c WHERE c.business_id = b.id),
                   b.suspended_at, b.suspended_reason
              FROM businesses b
             WHERE (@search::text IS NULL OR b.name ILIKE '%' || @search || '%')
               AND (@suspended::boolean IS NULL OR (b.suspended_at IS NOT NULL) = @suspended)
             ORDER BY b.created_at DESC, b.id
             LIMIT @limit OFFSET @offset
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("search", NpgsqlDbType.Text) { Value = (object?)search ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("suspended", NpgsqlDbType.Boolean) { Value = (object?)suspended ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("offset", offset);
        var businesses = new List<BusinessOverview>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            businesses.Add(new BusinessOverview(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return businesses;
    }

    /// <summary>Suspends (with a reason) or reactivates (null reason... and <paramref name="suspend"/> false); the employees' ids for revoking their sessions.</summary>
    public async Task<IReadOnlyList<Guid>?> SetAsync(Guid businessId, bool suspend, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using (var update = new NpgsqlCommand(
            "UPDATE businesses SET suspended_at = CASE WHEN @suspend THEN coalesce(suspended_at, @now) END, suspended_reason = CASE WHEN @suspend THEN @reason END WHERE id = @b",
            connection))
        {
            update.Parameters.AddWithValue("b", businessId);
            update.Parameters.AddWithValue("suspend", suspend);
            update.Parameters.AddWithValue("now", time.GetUtcNow().ToUniversalTime());
            update.Parameters.Add(new NpgsqlParameter("reason", NpgsqlDbType.Text) { Value = (object?)reason ?? DBNull.Value });
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        await using var employees = new NpgsqlCommand("SELECT id FROM employees WHERE business_id = @b", connection);
        employees.Parameters.AddWithValue("b", businessId);
        var ids = new List<Guid>();
        await using var reader = await employees.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public async Task<bool> IsSuspendedAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT suspended_at IS NOT NULL FROM businesses WHERE id = @b", connection);
        command.Parameters.AddWithValue("b", businessId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
