using System.Text.Json;
using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Activity;

/// <summary>Reads a business's activity log, newest first, in keyset pages.</summary>
public sealed class ActivityQueries(TenantDatabase database)
{
    public async Task<ActivityPage> ListAsync(Guid businessId, ActivityFilter filter, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var hasCursor = cursor is not null && ActivityCursor.TryDecode(cursor, out _, out _);
        DateTimeOffset afterAt = default;
        long afterId = 0;
        if (hasCursor)
        {
            ActivityCursor.TryDecode(cursor!, out afterAt, out afterId);
        }

        var prefix = filter.Action is { } action && action.EndsWith('.');
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT a.id, a.at, a.action, a.employee_id, e.display_name, a.target_type, a.target_id, a.details::text, host(a.ip), a.user_agent
              FROM activity_logs a
              LEFT JOIN employees e ON e.id = a.employee_id AND e.business_id = a.business_id
             WHERE a.business_id = @b
               AND (@from::timestamptz IS NULL OR a.at >= @from)
               AND (@to::timestamptz IS NULL OR a.at < @to)
               AND (@action::text IS NULL OR (CASE WHEN @prefix THEN starts_with(a.action, @action) ELSE a.action = @action END))
               AND (@employee::uuid IS NULL OR a.employee_id = @employee)
               AND (NOT @hasCursor OR (a.at, a.id) < (@afterAt, @afterId))
             ORDER BY a.at DESC, a.id DESC
             LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)filter.From?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)filter.To?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("action", NpgsqlDbType.Text) { Value = (object?)filter.Action ?? DBNull.Value });
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.Add(new NpgsqlParameter("employee", NpgsqlDbType.Uuid) { Value = (object?)filter.EmployeeId ?? DBNull.Value });
        command.Parameters.AddWithValue("hasCursor", hasCursor);
        command.Parameters.AddWithValue("afterAt", afterAt);
        command.Parameters.AddWithValue("afterId", afterId);
        command.Parameters.AddWithValue("limit", limit + 1);

        var items = new List<ActivityRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                using var details = JsonDocument.Parse(reader.GetString(7));
                items.Add(new ActivityRecord(
                    reader.GetInt64(0),
                    reader.GetFieldValue<DateTimeOffset>(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetGuid(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    details.RootElement.Clone(),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9)));
            }
        }

        if (items.Count <= limit)
        {
            return new ActivityPage(items, null);
        }

        items.RemoveAt(limit);
        var last = items[^1];
        return new ActivityPage(items, ActivityCursor.Encode(last.At, last.Id));
    }
}
