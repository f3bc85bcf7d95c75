using Conversations.Grains.Bookings;

namespace Conversations.Infrastructure.Services;

/// <summary>Weekly hours plus dated exceptions, of a business or of one service.</summary>
public sealed record OpeningSchedule(IReadOnlyList<WeeklyHours> WeeklyHours, IReadOnlyList<DateException> Exceptions)
{
    public static readonly OpeningSchedule Empty = new([], []);

    /// <summary>
    /// The hours of a local date. A service with weekly hours of its own uses them instead of the business's;
    /// exceptions of both apply (the service's first), and a closed exception closes the day.
    /// </summary>
    public static IReadOnlyList<OpeningInterval> For(DateOnly date, OpeningSchedule business, OpeningSchedule service)
    {
        var exceptions = service.Exceptions.Concat(business.Exceptions).Where(e => e.Day == date).ToList();
        if (exceptions.Count > 0)
        {
            return exceptions.Any(e => e.Opens is null)
                ? []
                : exceptions.Select(e => new OpeningInterval(e.Opens!.Value, e.Closes!.Value)).Distinct().ToList();
        }

        var week = service.WeeklyHours.Count > 0 ? service.WeeklyHours : business.WeeklyHours;
        var weekday = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
        return week.Where(h => h.Weekday == weekday).Select(h => new OpeningInterval(h.Opens, h.Closes)).ToList();
    }
}
