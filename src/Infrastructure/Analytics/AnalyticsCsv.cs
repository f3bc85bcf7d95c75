using System.Globalization;
using CsvHelper;

namespace Conversations.Infrastructure.Analytics;

/// <summary>
/// The reports as CSV: one row per day (conversations), per day and service (revenue) or per employee
/// (performance), then the range's totals with <c>total</c> in the first column. Durations in seconds, money in
/// the currency's minor unit, as in the JSON.
/// </summary>
public static class AnalyticsCsv
{
    private const string Total = "total";

    public static AnalyticsTable Of(ConversationReport report)
    {
        string[] columns =
        [
            "day", "conversations_started", "reopened", "assistant_only", "with_human",
            "customer_messages", "customer_messages_to_assistant", "customer_messages_to_humans",
            "assistant_first_responses", "assistant_first_response_p50_seconds", "assistant_first_response_p90_seconds",
            "human_first_responses", "human_first_response_p50_seconds", "human_first_response_p90_seconds",
            "resolved", "resolved_by_assistant", "assistant_resolution_share", "resolution_p50_seconds", "resolution_p90_seconds",
            "handoffs", "takeovers",
        ];
        var rows = report.Days.Append(report.Total).Select(d => new[]
        {
            d.Day is { } day ? Date(day) : Total, Count(d.Started), Count(d.Reopened), Count(d.AssistantOnly), Count(d.WithHuman),
            Count(d.CustomerMessages), Count(d.CustomerMessagesToAssistant), Count(d.CustomerMessagesToHumans),
            Count(d.AssistantFirstResponse.Count), Seconds(d.AssistantFirstResponse.P50Seconds), Seconds(d.AssistantFirstResponse.P90Seconds),
            Count(d.HumanFirstResponse.Count), Seconds(d.HumanFirstResponse.P50Seconds), Seconds(d.HumanFirstResponse.P90Seconds),
            Count(d.Resolved), Count(d.ResolvedByAssistant), Share(d.AssistantResolutionShare), Seconds(d.Resolution.P50Seconds), Seconds(d.Resolution.P90Seconds),
            Count(d.Handoffs), Count(d.Takeovers),
        }).ToList();
        return new AnalyticsTable(columns, rows);
    }

    public static AnalyticsTable Of(RevenueReport report)
    {
        string[] columns = ["day", "service_id", "service", "currency", "bookings", "booked_minor", "paid_bookings", "paid_minor"];
        var rows = report.Days.SelectMany(d => d.Services).Concat(report.Services).Select(l => new[]
        {
            l.Day is { } day ? Date(day) : Total, l.ServiceId.ToString(), l.Service, l.Currency,
            Count(l.Bookings), Count(l.BookedMinor), Count(l.PaidBookings), Count(l.PaidMinor),
        }).ToList();
        return new AnalyticsTable(columns, rows);
    }

    public static AnalyticsTable Of(PerformanceReport report)
    {
        string[] columns =
        [
            "employee_id", "name", "role", "conversations_handled", "messages_sent", "takeovers",
            "first_responses", "first_response_p50_seconds", "first_response_p90_seconds",
            "resolved", "resolution_p50_seconds", "resolution_p90_seconds",
        ];
        var rows = report.Employees.Select(e => new[]
        {
            e.EmployeeId.ToString(), e.Name, e.Role, Count(e.ConversationsHandled), Count(e.MessagesSent), Count(e.Takeovers),
            Count(e.FirstResponse.Count), Seconds(e.FirstResponse.P50Seconds), Seconds(e.FirstResponse.P90Seconds),
            Count(e.Resolved), Seconds(e.Resolution.P50Seconds), Seconds(e.Resolution.P90Seconds),
        }).ToList();
        return new AnalyticsTable(columns, rows);
    }

    /// <summary>
    /// Writes the table as CSV. Text a spreadsheet would run as a formula (an employee named "=HYPERLINK(…)") is
    /// escaped with a leading apostrophe; the numbers written here never start with such a character.
    /// </summary>
    public static async Task WriteAsync(Stream output, AnalyticsTable table, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, true);
        await csv.WriteRecordAsync(table.Columns.ToArray(), cancellationToken);
        foreach (var row in table.Rows)
        {
            await csv.WriteRecordAsync(row, cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    private static string Share(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
