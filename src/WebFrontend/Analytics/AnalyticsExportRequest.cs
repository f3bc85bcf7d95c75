namespace Conversations.WebFrontend.Analytics;

/// <param name="Report"><c>conversations</c>, <c>revenue</c> or <c>performance</c>.</param>
/// <param name="From">The first local day, YYYY-MM-DD; 29 days before <paramref name="To"/> when not given.</param>
/// <param name="To">The last local day, YYYY-MM-DD; today when not given.</param>
public sealed record AnalyticsExportRequest(string? Report, string? From, string? To);
