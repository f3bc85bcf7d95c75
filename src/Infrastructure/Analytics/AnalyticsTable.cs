namespace Conversations.Infrastructure.Analytics;

/// <summary>A report flattened for a spreadsheet: a header and rows of text, numbers written invariantly.</summary>
public sealed record AnalyticsTable(IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows);
