namespace Conversations.Infrastructure.Analytics;

/// <summary>The local days a report covers, <paramref name="From"/> to <paramref name="To"/> inclusive, in the business's IANA time zone.</summary>
public sealed record AnalyticsRange(DateOnly From, DateOnly To, string TimeZone)
{
    /// <summary>The most days one report covers: a year, leap day included.</summary>
    public const int MaxDays = 366;

    /// <summary>The days of the range, first to last.</summary>
    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = From; day <= To; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }
}
