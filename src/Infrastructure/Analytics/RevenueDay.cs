namespace Conversations.Infrastructure.Analytics;

/// <summary>One local day of revenue: per currency, and per service that booked or was paid that day.</summary>
public sealed record RevenueDay(DateOnly Day, IReadOnlyList<RevenueTotal> Totals, IReadOnlyList<RevenueLine> Services);
