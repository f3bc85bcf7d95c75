namespace Conversations.Infrastructure.Analytics;

/// <summary>The reports' names, as exports take and record them.</summary>
public static class AnalyticsReports
{
    public const string Conversations = "conversations";
    public const string Revenue = "revenue";
    public const string Performance = "performance";

    public static IReadOnlyList<string> All { get; } = [Conversations, Revenue, Performance];

    public static bool IsKnown(string? report) => report is Conversations or Revenue or Performance;
}
