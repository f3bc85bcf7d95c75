namespace Conversations.Grains.Bookings;

/// <summary>
/// When a confirmed booking's reminders go out: 24 hours and 1 hour before it starts. A reminder whose time
/// had already passed when the booking was confirmed is skipped (the confirmation says it all), and a
/// reminder that wakes late is still sent while the booking has not started, except that a due 1-hour
/// reminder makes a late 24-hour one pointless.
/// </summary>
public static class ReminderSchedule
{
    public static readonly TimeSpan DayBefore = TimeSpan.FromHours(24);
    public static readonly TimeSpan HourBefore = TimeSpan.FromHours(1);

    /// <summary>The reminders to send now, by their lead time.</summary>
    public static IReadOnlyList<TimeSpan> DueNow(DateTimeOffset start, DateTimeOffset confirmedAt, IReadOnlyCollection<TimeSpan> sent, DateTimeOffset now)
    {
        if (now >= start)
        {
            return [];
        }

        var due = Planned(start, confirmedAt).Where(lead => !sent.Contains(lead) && now >= start - lead).ToList();
        return due.Contains(HourBefore) ? [HourBefore] : due;
    }

    /// <summary>When to wake next, or null when nothing is left to send.</summary>
    public static DateTimeOffset? NextWake(DateTimeOffset start, DateTimeOffset confirmedAt, IReadOnlyCollection<TimeSpan> sent, DateTimeOffset now)
    {
        if (now >= start)
        {
            return null;
        }

        var pending = Planned(start, confirmedAt)
            .Where(lead => !sent.Contains(lead) && !(sent.Contains(HourBefore) && lead == DayBefore))
            .Select(lead => start - lead)
            .Where(at => at > now)
            .ToList();
        return pending.Count == 0 ? null : pending.Min();
    }

    /// <summary>The reminders that were still ahead when the booking was confirmed.</summary>
    public static IEnumerable<TimeSpan> Planned(DateTimeOffset start, DateTimeOffset confirmedAt) =>
        new[] { DayBefore, HourBefore }.Where(lead => confirmedAt < start - lead);
}
