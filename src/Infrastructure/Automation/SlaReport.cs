using Conversations.Infrastructure.Analytics;

namespace Conversations.Infrastructure.Automation;

/// <summary>SLA figures over a range of local days: per metric, and breaches and met targets per day.</summary>
public sealed record SlaReport(DateOnly From, DateOnly To, string TimeZone, SlaFigures FirstResponse, SlaFigures Resolution, IReadOnlyList<SlaDay> Days)
{
    public static SlaReport For(AnalyticsRange range, SlaFigures firstResponse, SlaFigures resolution, IReadOnlyList<SlaDay> days) =>
        new(range.From, range.To, range.TimeZone, firstResponse, resolution, days);
}
