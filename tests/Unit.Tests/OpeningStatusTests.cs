using Conversations.Infrastructure.Services;

namespace Conversations.Unit.Tests;

/// <summary>Open or closed at a moment, by weekly hours and dated exceptions in the business's time zone, and until when.</summary>
public sealed class OpeningStatusTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    // Monday to Friday 09:00–13:00 and 16:00–20:00, Saturday 10:00–14:00, closed on Sunday.
    private static readonly OpeningSchedule Week = new(
        [
            .. Enumerable.Range(1, 5).SelectMany(d => new[]
            {
                new WeeklyHours(d, new TimeOnly(9, 0), new TimeOnly(13, 0)),
                new WeeklyHours(d, new TimeOnly(16, 0), new TimeOnly(20, 0)),
            }),
            new WeeklyHours(6, new TimeOnly(10, 0), new TimeOnly(14, 0)),
        ],
        []);

    private static DateTimeOffset InMadrid(int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Madrid.GetUtcOffset(local));
    }

    [Fact]
    public void Inside_a_stretch_it_is_open_until_the_stretch_closes()
    {
        // Tuesday 10 November 2026, 10:30.
        var status = Week.StatusAt(InMadrid(11, 10, 10, 30), Madrid, "Closed");
        Assert.True(status.Open);
        Assert.Equal(InMadrid(11, 10, 13, 0), status.Until);
    }

    [Fact]
    public void At_lunch_it_is_closed_until_the_afternoon_opens()
    {
        var status = Week.StatusAt(InMadrid(11, 10, 14, 0), Madrid, "Closed");
        Assert.False(status.Open);
        Assert.Equal(InMadrid(11, 10, 16, 0), status.Until);
        Assert.Equal("Closed", status.AwayMessage);
    }

    [Fact]
    public void Closing_time_itself_is_closed_and_opening_time_is_open()
    {
        Assert.False(Week.StatusAt(InMadrid(11, 10, 20, 0), Madrid, null).Open);
        Assert.True(Week.StatusAt(InMadrid(11, 10, 16, 0), Madrid, null).Open);
    }

    [Fact]
    public void Over_the_weekend_it_is_closed_until_monday_morning()
    {
        // Saturday 14 November 2026, 15:00 → Monday 16 November, 09:00.
        var status = Week.StatusAt(InMadrid(11, 14, 15, 0), Madrid, null);
        Assert.False(status.Open);
        Assert.Equal(InMadrid(11, 16, 9, 0), status.Until);
    }

    [Fact]
    public void A_closed_exception_closes_a_working_day()
    {
        var holiday = Week with { Exceptions = [new DateException(new DateOnly(2026, 12, 8), null, null, "Holiday")] };
        var status = holiday.StatusAt(InMadrid(12, 8, 11, 0), Madrid, null);
        Assert.False(status.Open);
        Assert.Equal(InMadrid(12, 9, 9, 0), status.Until);
    }

    [Fact]
    public void Back_to_back_stretches_are_one_open_period()
    {
        var split = new OpeningSchedule(
            [new WeeklyHours(2, new TimeOnly(9, 0), new TimeOnly(13, 0)), new WeeklyHours(2, new TimeOnly(13, 0), new TimeOnly(17, 0))], []);
        var status = split.StatusAt(InMadrid(11, 10, 12, 0), Madrid, null);
        Assert.True(status.Open);
        Assert.Equal(InMadrid(11, 10, 17, 0), status.Until);
    }

    [Fact]
    public void The_status_is_read_in_the_business_time_zone_across_a_clock_change()
    {
        // Sunday 25 October 2026 the clocks go back; Monday 26 October 08:30 local is 07:30 UTC.
        var status = Week.StatusAt(new DateTimeOffset(2026, 10, 26, 7, 30, 0, TimeSpan.Zero), Madrid, null);
        Assert.False(status.Open);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.Zero), status.Until);
    }

    [Fact]
    public void A_business_without_hours_is_always_open()
    {
        var status = OpeningSchedule.Empty.StatusAt(InMadrid(11, 10, 3, 0), Madrid, "Closed");
        Assert.True(status.Open);
        Assert.Null(status.Until);
    }

    [Fact]
    public void A_schedule_that_never_opens_again_is_checked_again_a_day_later()
    {
        var gone = new OpeningSchedule([], [new DateException(new DateOnly(2026, 11, 10), null, null, "Closed")]);
        var at = InMadrid(11, 10, 12, 0);
        var status = gone.StatusAt(at, Madrid, null);
        Assert.False(status.Open);
        Assert.Equal(at.AddDays(1), status.Until);
    }
}
