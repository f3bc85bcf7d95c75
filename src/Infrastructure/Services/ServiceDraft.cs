namespace Conversations.Infrastructure.Services;

/// <summary>A service's fields, validated, as they are to be saved.</summary>
public sealed record ServiceDraft(
    string Name,
    string Description,
    long PriceMinor,
    string Currency,
    int DurationMinutes,
    int BufferMinutes,
    bool IsActive,
    IReadOnlyList<Guid> EmployeeIds,
    OpeningSchedule Availability);
