namespace Conversations.Infrastructure.Analytics;

/// <summary>The team's performance over a range: active employees, and anyone else who worked in it.</summary>
public sealed record PerformanceReport(DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<EmployeePerformance> Employees);
