using Conversations.Infrastructure.Services;
using Conversations.WebFrontend.Bookings;

namespace Conversations.WebFrontend.Services;

/// <summary>Validates weekly hours and exceptions, naming the element at fault (<c>weeklyHours[1].closes</c>).</summary>
public static class ScheduleFields
{
    public static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static OpeningSchedule Parse(
        IReadOnlyList<HoursRequest>? hours, IReadOnlyList<ExceptionRequest>? exceptions, Dictionary<string, string[]> errors)
    {
        var week = new List<WeeklyHours>();
        for (var i = 0; i < (hours?.Count ?? 0); i++)
        {
            var h = hours![i];
            var at = $"weeklyHours[{i}]";
            var day = Array.IndexOf(Weekdays, h?.Weekday?.Trim().ToLowerInvariant());
            if (day < 0)
            {
                errors[$"{at}.weekday"] = [$"One of: {string.Join(", ", Weekdays)}."];
                continue;
            }

            if (Range(h!.Opens, h.Closes, at, errors) is { } range)
            {
                week.Add(new WeeklyHours(day + 1, range.Opens, range.Closes));
            }
        }

        var dated = new List<DateException>();
        for (var i = 0; i < (exceptions?.Count ?? 0); i++)
        {
            var e = exceptions![i];
            var at = $"exceptions[{i}]";
            if (!RequestFields.TryParseDate(e?.Date, out var date))
            {
                errors[$"{at}.date"] = ["A date as yyyy-MM-dd."];
                continue;
            }

            if ((e!.Reason?.Length ?? 0) > 200)
            {
                errors[$"{at}.reason"] = ["At most 200 characters."];
                continue;
            }

            if (e.Opens is null && e.Closes is null)
            {
                dated.Add(new DateException(date, null, null, e.Reason?.Trim() ?? ""));
            }
            else if (Range(e.Opens, e.Closes, at, errors) is { } range)
            {
                dated.Add(new DateException(date, range.Opens, range.Closes, e.Reason?.Trim() ?? ""));
            }
        }

        return new OpeningSchedule(week, dated);
    }

    private static (TimeOnly Opens, TimeOnly Closes)? Range(string? opens, string? closes, string at, Dictionary<string, string[]> errors)
    {
        if (!RequestFields.TryParseTime(opens, out var from))
        {
            errors[$"{at}.opens"] = ["A time as HH:mm."];
            return null;
        }

        if (!RequestFields.TryParseTime(closes, out var to))
        {
            errors[$"{at}.closes"] = ["A time as HH:mm."];
            return null;
        }

        if (to <= from)
        {
            errors[$"{at}.closes"] = ["Must be after opens."];
            return null;
        }

        return (from, to);
    }
}
