using Conversations.Infrastructure.Services;

namespace Conversations.WebFrontend.Services;

public sealed record ServiceView(
    Guid Id,
    string Name,
    string Description,
    long PriceMinor,
    string Currency,
    int DurationMinutes,
    int BufferMinutes,
    bool IsActive,
    IReadOnlyList<Guid> EmployeeIds,
    IReadOnlyList<HoursView> WeeklyHours,
    IReadOnlyList<ExceptionView> Exceptions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ServiceView From(ServiceRecord s)
    {
        var hours = OpeningHoursView.From(s.Availability);
        return new(s.Id, s.Name, s.Description, s.PriceMinor, s.Currency, s.DurationMinutes, s.BufferMinutes, s.IsActive, s.EmployeeIds,
            hours.WeeklyHours, hours.Exceptions, s.CreatedAt, s.UpdatedAt);
    }
}
