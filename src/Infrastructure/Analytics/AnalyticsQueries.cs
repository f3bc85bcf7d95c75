using Conversations.Infrastructure.Bookings;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Analytics;

/// <summary>
/// The business's figures per local day: conversations and response times, revenue, and the team's performance.
/// Every statement is the caller's business only (see <see cref="AnalyticsSql"/>).
/// </summary>
public sealed class AnalyticsQueries(TenantDatabase database)
{
    /// <summary>The business's IANA time zone, in which days begin and end (UTC when the stored id is unknown here).</summary>
    public async Task<string> TimeZoneAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        return (await BusinessTimeZones.FindAsync(connection, businessId, cancellationToken) ?? TimeZoneInfo.Utc).Id;
    }

    public async Task<ConversationReport> ConversationsAsync(Guid businessId, AnalyticsRange range, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await AnalyticsSql.BeginAsync(connection, cancellationToken);

        var cycles = new Dictionary<DateOnly, CycleFigures>();
        var total = CycleFigures.None;
        await using (var command = Command(AnalyticsSql.ConversationCycles, connection, transaction, businessId, range))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var figures = new CycleFigures(
                    reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                    Times(reader, 5), Times(reader, 8), reader.GetInt64(12), reader.GetInt64(11), Times(reader, 12));
                if (reader.IsDBNull(0))
                {
                    total = figures;
                }
                else
                {
                    cycles[DateOnly.FromDateTime(reader.GetDateTime(0))] = figures;
                }
            }
        }

        var messages = await CountsPerDayAsync(AnalyticsSql.CustomerMessages, connection, transaction, businessId, range, cancellationToken);
        var handovers = await CountsPerDayAsync(AnalyticsSql.Handovers, connection, transaction, businessId, range, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var days = range.Days
            .Select(day => Day(
                day,
                cycles.GetValueOrDefault(day, CycleFigures.None),
                messages.GetValueOrDefault(day, (0, 0)),
                handovers.GetValueOrDefault(day, (0, 0))))
            .ToList();
        var totalDay = Day(
            null,
            total,
            (days.Sum(d => d.CustomerMessages), days.Sum(d => d.CustomerMessagesToHumans)),
            (days.Sum(d => d.Handoffs), days.Sum(d => d.Takeovers)));
        return new ConversationReport(range.From, range.To, range.TimeZone, days, totalDay);
    }

    public async Task<RevenueReport> RevenueAsync(Guid businessId, AnalyticsRange range, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await AnalyticsSql.BeginAsync(connection, cancellationToken);
        var lines = new List<RevenueLine>();
        await using (var command = Command(AnalyticsSql.Revenue, connection, transaction, businessId, range))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add(new RevenueLine(
                    DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetGuid(1), reader.GetString(2), reader.GetString(3).Trim(),
                    reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
            }
        }

        await transaction.CommitAsync(cancellationToken);

        var byDay = lines.ToLookup(l => l.Day);
        var days = range.Days.Select(day => new RevenueDay(day, Totals(byDay[day]), byDay[day].ToList())).ToList();
        var services = lines
            .GroupBy(l => (l.ServiceId, l.Service, l.Currency))
            .Select(g => new RevenueLine(
                null, g.Key.ServiceId, g.Key.Service, g.Key.Currency,
                g.Sum(l => l.Bookings), g.Sum(l => l.BookedMinor), g.Sum(l => l.PaidBookings), g.Sum(l => l.PaidMinor)))
            .OrderBy(l => l.Service, StringComparer.Ordinal)
            .ThenBy(l => l.ServiceId)
            .ToList();
        return new RevenueReport(range.From, range.To, range.TimeZone, days, services, Totals(lines));
    }

    public async Task<PerformanceReport> PerformanceAsync(Guid businessId, AnalyticsRange range, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await AnalyticsSql.BeginAsync(connection, cancellationToken);
        var employees = new List<EmployeePerformance>();
        await using (var command = Command(AnalyticsSql.Performance, connection, transaction, businessId, range))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                employees.Add(new EmployeePerformance(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                    Times(reader, 6), reader.GetInt64(9), Times(reader, 9)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new PerformanceReport(range.From, range.To, range.TimeZone, employees);
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, AnalyticsRange range)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        AnalyticsSql.Bind(command, businessId, range);
        return command;
    }

    /// <summary>Reads statements answering (day, count, count) per local day.</summary>
    private static async Task<Dictionary<DateOnly, (long, long)>> CountsPerDayAsync(
        string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, AnalyticsRange range, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<DateOnly, (long, long)>();
        await using var command = Command(sql, connection, transaction, businessId, range);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[DateOnly.FromDateTime(reader.GetDateTime(0))] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        return counts;
    }

    /// <summary>A count and its two percentiles, in the columns from <paramref name="ordinal"/> on.</summary>
    private static ResponseTimes Times(NpgsqlDataReader reader, int ordinal) =>
        new(reader.GetInt64(ordinal),
            reader.IsDBNull(ordinal + 1) ? null : reader.GetDouble(ordinal + 1),
            reader.IsDBNull(ordinal + 2) ? null : reader.GetDouble(ordinal + 2));

    private static ConversationDay Day(DateOnly? day, CycleFigures cycles, (long All, long ToHumans) messages, (long Handoffs, long Takeovers) handovers)
    {
        var opened = cycles.Started + cycles.Reopened;
        return new ConversationDay(
            day, cycles.Started, cycles.Reopened, cycles.AssistantOnly, cycles.WithHuman,
            messages.All, messages.All - messages.ToHumans, messages.ToHumans,
            cycles.AssistantFirstResponse, cycles.HumanFirstResponse,
            cycles.Resolved, cycles.ResolvedByAssistant, opened == 0 ? null : (double)cycles.ResolvedByAssistant / opened,
            cycles.Resolution, handovers.Handoffs, handovers.Takeovers);
    }

    private static List<RevenueTotal> Totals(IEnumerable<RevenueLine> lines) =>
        lines.GroupBy(l => l.Currency)
            .Select(g => new RevenueTotal(g.Key, g.Sum(l => l.Bookings), g.Sum(l => l.BookedMinor), g.Sum(l => l.PaidBookings), g.Sum(l => l.PaidMinor)))
            .OrderBy(t => t.Currency, StringComparer.Ordinal)
            .ToList();

    /// <summary>What the cycles statement answers for one day or the range.</summary>
    private sealed record CycleFigures(
        long Started, long Reopened, long AssistantOnly, long WithHuman, ResponseTimes AssistantFirstResponse, ResponseTimes HumanFirstResponse,
        long Resolved, long ResolvedByAssistant, ResponseTimes Resolution)
    {
        public static CycleFigures None { get; } = new(0, 0, 0, 0, ResponseTimes.None, ResponseTimes.None, 0, 0, ResponseTimes.None);
    }
}
