using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Automation;

/// <summary>
/// Time as opening hours count it. Hours are local wall-clock times turned into instants per date, so a 23- or
/// 25-hour day counts what the real clock does. A business without any weekly hours counts as always open.
/// </summary>
public static class BusinessClock
{
    private const int DaysSearched = 400;

    public static bool IsOpen(BusinessHours hours, DateTimeOffset at)
    {
        if (hours.Weekly.Count == 0)
        {
            return true;
        }

        var zone = Zone(hours);
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return Intervals(hours, zone, local.AddDays(-1)).Concat(Intervals(hours, zone, local))
            .Any(i => i.Start <= at && at < i.End);
    }

    /// <summary>The instant when <paramref name="span"/> of open time has passed since <paramref name="start"/>.</summary>
    public static DateTimeOffset Add(BusinessHours hours, DateTimeOffset start, TimeSpan span)
    {
        if (hours.Weekly.Count == 0)
        {
            return start + span;
        }

        var zone = Zone(hours);
        var remaining = span;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime).AddDays(-1);
        for (var i = 0; i < DaysSearched; i++, day = day.AddDays(1))
        {
            foreach (var (open, close) in Intervals(hours, zone, day))
            {
                var from = open > start ? open : start;
                if (close <= from)
                {
                    continue;
                }

                if (close - from >= remaining)
                {
                    return from + remaining;
                }

                remaining -= close - from;
            }
        }

        // Closed for good (every day an exception): the target counts wall-clock time.
        return start + span;
    }

    private static TimeZoneInfo Zone(BusinessHours hours) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Intervals(BusinessHours hours, TimeZoneInfo zone, DateOnly day)
    {
        var exceptions = hours.Exceptions.Where(e => e.Day == day).ToList();
        IEnumerable<(TimeOnly Opens, TimeOnly Closes)> local;
        if (exceptions.Count > 0)
        {
            local = exceptions.Any(e => e.Opens is null || e.Closes is null)
                ? []
                : exceptions.Select(e => (e.Opens!.Value, e.Closes!.Value));
        }
        else
        {
            var weekday = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
            local = hours.Weekly.Where(h => h.Weekday == weekday).Select(h => (h.Opens, h.Closes));
        }

        return local
            .Select(h => (Start: Instant(zone, day, h.Opens), End: h.Closes > h.Opens ? Instant(zone, day, h.Closes) : Instant(zone, day.AddDays(1), TimeOnly.MinValue)))
            .OrderBy(i => i.Start)
            .ToList();
    }

    private static DateTimeOffset Instant(TimeZoneInfo zone, DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        if (zone.IsInvalidTime(local))
        {
            // In the spring-forward gap: the hour that does not exist starts when the clock resumes.
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
