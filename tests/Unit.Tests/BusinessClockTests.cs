using Conversations.Grains.Automation;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Unit.Tests;

public sealed class BusinessClockTests
{
    private static readonly BusinessHours WeekdaysNineToFive = new(
        "Europe/Madrid",
        [.. Enumerable.Range(1, 5).Select(d => new BusinessHoursInterval(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
        []);

    [Fact]
    public void Time_after_closing_on_friday_carries_over_to_monday_morning()
    {
        // Friday 2026-11-27 16:30 in Madrid (UTC+1).
        var start = new DateTimeOffset(2026, 11, 27, 16, 30, 0, TimeSpan.FromHours(1));

        var due = BusinessClock.Add(WeekdaysNineToFive, start, TimeSpan.FromMinutes(60));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.FromHours(1)), due);
    }

    [Fact]
    public void A_message_at_night_starts_counting_when_the_business_opens()
    {
        var start = new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 10, 0, TimeSpan.FromHours(1)), BusinessClock.Add(WeekdaysNineToFive, start, TimeSpan.FromMinutes(10)));
        Assert.False(BusinessClock.IsOpen(WeekdaysNineToFive, start));
        Assert.True(BusinessClock.IsOpen(WeekdaysNineToFive, start.AddHours(11.5)));
    }

    [Fact]
    public void A_closed_day_is_skipped_and_no_hours_at_all_means_always_open()
    {
        var closedWednesday = WeekdaysNineToFive with { Exceptions = [new BusinessHoursException(new DateOnly(2026, 11, 25), null, null)] };
        var tuesdayAfternoon = new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1)), BusinessClock.Add(closedWednesday, tuesdayAfternoon, TimeSpan.FromHours(2)));

        var always = new BusinessHours("UTC", [], []);
        Assert.Equal(tuesdayAfternoon.AddMinutes(90), BusinessClock.Add(always, tuesdayAfternoon, TimeSpan.FromMinutes(90)));
        Assert.True(BusinessClock.IsOpen(always, tuesdayAfternoon));
    }

    [Fact]
    public void Hours_follow_the_local_clock_across_a_daylight_saving_change()
    {
        // Madrid leaves summer time on Sunday 2026-10-25: Friday 16:00 is UTC+2, Monday 9:00 is UTC+1.
        var fridayAfternoon = new DateTimeOffset(2026, 10, 23, 16, 0, 0, TimeSpan.FromHours(2));

        var due = BusinessClock.Add(WeekdaysNineToFive, fridayAfternoon, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 10, 0, 0, TimeSpan.FromHours(1)), due);
    }
}
