using Conversations.Infrastructure.Analytics;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Automation;

/// <summary>Reads <c>sla_targets</c> for <c>GET /api/analytics/sla</c>, by the business's local days.</summary>
public sealed class SlaReports(TenantDatabase database)
{
    public async Task<SlaReport> ReportAsync(Guid businessId, AnalyticsRange range, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT metric,
                   count(*) FILTER (WHERE met_at IS NOT NULL AND breached_at IS NULL),
                   count(*) FILTER (WHERE breached_at IS NOT NULL),
                   count(*) FILTER (WHERE met_at IS NULL AND breached_at IS NULL)
            FROM sla_targets
            WHERE business_id = @b AND (started_at AT TIME ZONE @tz)::date BETWEEN @from AND @to
            GROUP BY metric;
            SELECT d.day::date,
                   (SELECT count(*) FROM sla_targets t
                    WHERE t.business_id = @b AND t.breached_at IS NOT NULL AND (t.breached_at AT TIME ZONE @tz)::date = d.day::date),
                   (SELECT count(*) FROM sla_targets t
                    WHERE t.business_id = @b AND t.met_at IS NOT NULL AND t.breached_at IS NULL AND (t.met_at AT TIME ZONE @tz)::date = d.day::date)
            FROM generate_series(@from::timestamp, @to::timestamp, interval '1 day') AS d(day)
            ORDER BY 1;
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("tz", range.TimeZone);
        command.Parameters.AddWithValue("from", range.From);
        command.Parameters.AddWithValue("to", range.To);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var figures = new Dictionary<string, SlaFigures>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var met = (int)reader.GetInt64(1);
            var breached = (int)reader.GetInt64(2);
            figures[reader.GetString(0)] = new SlaFigures(met, breached, (int)reader.GetInt64(3), met + breached == 0 ? null : (double)met / (met + breached));
        }

        await reader.NextResultAsync(cancellationToken);
        var days = new List<SlaDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new SlaDay(reader.GetFieldValue<DateOnly>(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2)));
        }

        var none = new SlaFigures(0, 0, 0, null);
        return SlaReport.For(range, figures.GetValueOrDefault("first_response", none), figures.GetValueOrDefault("resolution", none), days);
    }
}
