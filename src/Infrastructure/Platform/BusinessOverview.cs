namespace Conversations.Infrastructure.Platform;

/// <summary>A business as platform administrators list it.</summary>
public sealed record BusinessOverview(
    Guid Id, string Name, string TimeZone, DateTimeOffset CreatedAt, long Employees, long Conversations, DateTimeOffset? SuspendedAt, string? SuspendedReason);
