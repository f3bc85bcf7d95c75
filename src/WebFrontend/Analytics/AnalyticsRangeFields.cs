using Conversations.Infrastructure.Analytics;
using Conversations.Infrastructure.Bookings;
using Conversations.WebFrontend.Bookings;

namespace Conversations.WebFrontend.Analytics;

/// <summary>
/// The <c>from</c> and <c>to</c> of a report: local dates (YYYY-MM-DD) in the business's time zone, both included.
/// Without <c>to</c> the range ends today; without <c>from</c> it is 30 days long. It runs forward and spans at
/// most <see cref="AnalyticsRange.MaxDays"/> days; a problem names the field that was given and is at fault.
/// </summary>
public static class AnalyticsRangeFields
{
    public const int DefaultDays = 30;

    private static readonly DateOnly Earliest = new(1970, 1, 1);
    private static readonly DateOnly Latest = new(9000, 12, 31);

    /// <returns>The range, or null with <paramref name="errors"/> naming <c>from</c> or <c>to</c>.</returns>
    public static AnalyticsRange? Parse(string? from, string? to, string timeZone, DateTimeOffset now, IDictionary<string, string[]> errors)
    {
        var hasFrom = !string.IsNullOrWhiteSpace(from);
        var hasTo = !string.IsNullOrWhiteSpace(to);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, BusinessTimeZones.Resolve(timeZone)).DateTime);
        var first = default(DateOnly);
        if (hasFrom && !TryDate(from, out first))
        {
            errors["from"] = ["A date, YYYY-MM-DD, from 1970 to 9000."];
        }

        if (hasTo && !TryDate(to, out last))
        {
            errors["to"] = ["A date, YYYY-MM-DD, from 1970 to 9000."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        if (!hasFrom)
        {
            first = last.AddDays(-(DefaultDays - 1));
        }

        // When both are given, "to" is the one said to be wrong: it is read against "from".
        var field = hasTo ? "to" : "from";
        if (first > last)
        {
            errors[field] = [hasTo ? "On or after from." : "On or before to, which is today when not given."];
        }
        else if (last.DayNumber - first.DayNumber + 1 > AnalyticsRange.MaxDays)
        {
            errors[field] = [$"The range spans at most {AnalyticsRange.MaxDays} days, both ends included."];
        }

        return errors.Count > 0 ? null : new AnalyticsRange(first, last, timeZone);
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        RequestFields.TryParseDate(text?.Trim(), out date) && date >= Earliest && date <= Latest;
}
