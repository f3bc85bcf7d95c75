namespace Conversations.WebFrontend.Services;

/// <summary>
/// A service to create (name, priceMinor, currency and durationMinutes required) or the fields to change
/// (null: unchanged). <see cref="WeeklyHours"/> empty means the business's hours.
/// </summary>
public sealed record ServiceRequest(
    string? Name,
    string? Description,
    long? PriceMinor,
    string? Currency,
    int? DurationMinutes,
    int? BufferMinutes,
    bool? IsActive,
    IReadOnlyList<Guid>? EmployeeIds,
    IReadOnlyList<HoursRequest>? WeeklyHours,
    IReadOnlyList<ExceptionRequest>? Exceptions);
