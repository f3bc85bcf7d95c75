namespace Conversations.Infrastructure.Services;

/// <summary>A bookable service with who performs it and its own hours (empty: the business's).</summary>
public sealed record ServiceRecord(
    Guid Id,
    string Name,
    string Description,
    long PriceMinor,
    string Currency,
    int DurationMinutes,
    int BufferMinutes,
    bool IsActive,
    IReadOnlyList<Guid> EmployeeIds,
    OpeningSchedule Availability,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
