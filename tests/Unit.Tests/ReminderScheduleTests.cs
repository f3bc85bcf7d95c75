using Conversations.Grains.Bookings;

namespace Conversations.Unit.Tests;

public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = ReminderSchedule.DayBefore;
    private static readonly TimeSpan Hour = ReminderSchedule.HourBefore;

    [Fact]
    public void A_booking_confirmed_days_ahead_plans_both_reminders_and_wakes_for_the_first()
    {
        var confirmed = Start.AddDays(-5);
        Assert.Equal([Day, Hour], ReminderSchedule.Planned(Start, confirmed));
        Assert.Equal(Start - Day, ReminderSchedule.NextWake(Start, confirmed, [], confirmed));
        Assert.Empty(ReminderSchedule.DueNow(Start, confirmed, [], confirmed));
    }

    [Fact]
    public void At_each_wake_the_due_reminder_is_sent_then_the_next_is_scheduled()
    {
        var confirmed = Start.AddDays(-5);
        Assert.Equal([Day], ReminderSchedule.DueNow(Start, confirmed, [], Start - Day));
        Assert.Equal(Start - Hour, ReminderSchedule.NextWake(Start, confirmed, [Day], Start - Day));
        Assert.Equal([Hour], ReminderSchedule.DueNow(Start, confirmed, [Day], Start - Hour));
        Assert.Null(ReminderSchedule.NextWake(Start, confirmed, [Day, Hour], Start - Hour));
    }

    [Fact]
    public void A_booking_confirmed_under_a_day_ahead_gets_only_the_hour_reminder()
    {
        var confirmed = Start.AddHours(-5);
        Assert.Equal([Hour], ReminderSchedule.Planned(Start, confirmed));
        Assert.Equal(Start - Hour, ReminderSchedule.NextWake(Start, confirmed, [], confirmed));
        Assert.Empty(ReminderSchedule.Planned(Start, Start.AddMinutes(-30)));
    }

    [Fact]
    public void A_late_wake_sends_only_the_hour_reminder_and_nothing_after_the_start()
    {
        var confirmed = Start.AddDays(-5);
        Assert.Equal([Hour], ReminderSchedule.DueNow(Start, confirmed, [], Start.AddMinutes(-30)));
        Assert.Empty(ReminderSchedule.DueNow(Start, confirmed, [], Start.AddMinutes(1)));
        Assert.Null(ReminderSchedule.NextWake(Start, confirmed, [], Start.AddMinutes(1)));
    }
}
