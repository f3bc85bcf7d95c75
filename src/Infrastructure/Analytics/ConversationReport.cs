namespace Conversations.Infrastructure.Analytics;

/// <summary>The conversations report: every local day of the range (empty days included) and the whole range.</summary>
public sealed record ConversationReport(DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<ConversationDay> Days, ConversationDay Total);
