using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Calendar;

/// <summary>
/// The secrets behind calendar feed URLs. Calendar apps cannot log in, so the URL is the credential: 32
/// random bytes, one live secret per feed, and rotating it cuts off every subscriber of the old URL.
/// </summary>
public sealed class CalendarFeeds(TenantDatabase database)
{
    /// <summary>The feed's secret, created on first use.</summary>
    public async Task<CalendarFeed> GetOrCreateAsync(Guid businessId, Guid? employeeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO calendar_feeds (id, business_id, employee_id, secret, created_at) VALUES (@id, @b, @e, @secret, @now)
            ON CONFLICT (business_id, coalesce(employee_id, '00000000-0000-0000-0000-000000000000')) DO NOTHING;
            SELECT secret, created_at FROM calendar_feeds WHERE business_id = @b AND employee_id IS NOT DISTINCT FROM @e;
            """, connection);
        Bind(command, businessId, employeeId, now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CalendarFeed(businessId, employeeId, reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Replaces the feed's secret: the old URL stops working at once.</summary>
    public async Task<CalendarFeed> RotateAsync(Guid businessId, Guid? employeeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO calendar_feeds (id, business_id, employee_id, secret, created_at) VALUES (@id, @b, @e, @secret, @now)
            ON CONFLICT (business_id, coalesce(employee_id, '00000000-0000-0000-0000-000000000000'))
            DO UPDATE SET secret = EXCLUDED.secret, created_at = EXCLUDED.created_at
            RETURNING secret, created_at
            """, connection);
        Bind(command, businessId, employeeId, now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CalendarFeed(businessId, employeeId, reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    public async Task<CalendarFeed?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT business_id, employee_id, secret, created_at FROM calendar_feeds WHERE secret = @secret", connection);
        command.Parameters.AddWithValue("secret", secret);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CalendarFeed(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    private static void Bind(NpgsqlCommand command, Guid businessId, Guid? employeeId, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Uuid) { Value = (object?)employeeId ?? DBNull.Value });
        command.Parameters.AddWithValue("secret", SecretTokens.New());
        command.Parameters.AddWithValue("now", now);
    }
}
