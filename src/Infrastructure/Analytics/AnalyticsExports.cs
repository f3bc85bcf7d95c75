using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Analytics;

/// <summary>Who downloaded which report for which days: reports carry the business's figures and its people's names.</summary>
public sealed class AnalyticsExports(TenantDatabase database)
{
    public async Task RecordAsync(
        Guid businessId, Guid employeeId, string report, AnalyticsRange range, int rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO analytics_exports (id, business_id, employee_id, report, from_day, to_day, rows, exported_at)
            VALUES (@id, @business, @employee, @report, @from, @to, @rows, @at)
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7(at));
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.AddWithValue("report", report);
        command.Parameters.AddWithValue("from", range.From);
        command.Parameters.AddWithValue("to", range.To);
        command.Parameters.AddWithValue("rows", rows);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The business's newest exports first.</summary>
    public async Task<IReadOnlyList<AnalyticsExport>> ListAsync(Guid businessId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT x.id, x.employee_id, e.display_name, x.report, x.from_day, x.to_day, x.rows, x.exported_at
              FROM analytics_exports x
              LEFT JOIN employees e ON e.id = x.employee_id AND e.business_id = x.business_id
             WHERE x.business_id = @business
             ORDER BY x.exported_at DESC, x.id DESC
             LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("limit", limit);
        var exports = new List<AnalyticsExport>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            exports.Add(new AnalyticsExport(
                reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5), reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return exports;
    }
}
