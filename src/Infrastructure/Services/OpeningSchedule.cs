using Conversations.Grains.Bookings;
using Conversations.Grains.Businesses;

namespace Conversations.Infrastructure.Services;

/// <summary>Weekly hours plus dated exceptions, of a business or of one service.</summary>
public sealed record OpeningSchedule(IReadOnlyList<WeeklyHours> WeeklyHours, IReadOnlyList<DateException> Exceptions)
{
    public static readonly OpeningSchedule Empty = new([], []);

    /// <summary>
    /// Open or closed at <paramref name="at"/>, and when that changes, looking up to two weeks ahead. A schedule
    /// with no weekly hours and no exceptions is always open: a business that never said when it opens is
    /// not closed.
    /// </summary>
    public OpeningStatus StatusAt(DateTimeOffset at, TimeZoneInfo zone, string? awayMessage)
    {
        if (WeeklyHours.Count == 0 && Exceptions.Count == 0)
        {
            return OpeningStatus.AlwaysOpen with { AwayMessage = awayMessage };
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var stretches = Enumerable.Range(-1, 16)
            .Select(today.AddDays)
            .SelectMany(date => For(date, this, Empty).Select(i =>
                (Opens: SlotPlanner.ToInstant(date, i.Opens, zone, earliest: true), Closes: SlotPlanner.ToInstant(date, i.Closes, zone, earliest: false))))
            .OrderBy(s => s.Opens)
            .ToList();
        if (stretches.FirstOrDefault(s => s.Opens <= at && at < s.Closes) is { Closes: var closes } && closes != default)
        {
            // Back-to-back stretches (09:00–13:00, 13:00–17:00) are one open period.
            while (stretches.FirstOrDefault(s => s.Opens <= closes && closes < s.Closes) is { Closes: var later } && later != default)
            {
                closes = later;
            }

            return new OpeningStatus(true, closes, awayMessage);
        }

        var opens = stretches.Where(s => s.Opens > at).Select(s => (DateTimeOffset?)s.Opens).FirstOrDefault();
        return new OpeningStatus(false, opens ?? at.AddDays(1), awayMessage);
    }

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
