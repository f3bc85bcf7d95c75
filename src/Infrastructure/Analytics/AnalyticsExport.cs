namespace Conversations.Infrastructure.Analytics;

/// <summary>A report someone downloaded: who, which, for which days, how many rows, when.</summary>
public sealed record AnalyticsExport(
    Guid Id, Guid EmployeeId, string? EmployeeName, string Report, DateOnly From, DateOnly To, int Rows, DateTimeOffset ExportedAt);
