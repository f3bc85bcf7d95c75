namespace Conversations.Infrastructure.Analytics;

/// <summary>The revenue report: every local day of the range, each service over the range, and the range's totals per currency.</summary>
public sealed record RevenueReport(
    DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<RevenueDay> Days, IReadOnlyList<RevenueLine> Services, IReadOnlyList<RevenueTotal> Totals);
