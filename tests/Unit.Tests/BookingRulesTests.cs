using Conversations.Grains.Bookings;
using Conversations.Infrastructure.Services;

namespace Conversations.Unit.Tests;

public sealed class BookingRulesTests
{
    [Theory]
    [InlineData("pending", "confirmed", true)]
    [InlineData("pending", "cancelled", true)]
    [InlineData("pending", "completed", false)]
    [InlineData("pending", "no_show", false)]
    [InlineData("confirmed", "completed", true)]
    [InlineData("confirmed", "cancelled", true)]
    [InlineData("confirmed", "no_show", true)]
    [InlineData("confirmed", "pending", false)]
    [InlineData("completed", "cancelled", false)]
    [InlineData("cancelled", "confirmed", false)]
    [InlineData("no_show", "completed", false)]
    public void Status_moves_only_forward(string from, string to, bool allowed) => Assert.Equal(allowed, BookingStatus.CanMove(from, to));

    [Fact]
    public void A_service_with_its_own_week_ignores_the_business_week_but_both_closures_apply()
    {
        var monday = new DateOnly(2026, 6, 1);
        var business = new OpeningSchedule(
            [new WeeklyHours(1, new TimeOnly(9, 0), new TimeOnly(17, 0))],
            [new DateException(new DateOnly(2026, 6, 8), null, null, "Holiday")]);
        var service = new OpeningSchedule([new WeeklyHours(1, new TimeOnly(10, 0), new TimeOnly(12, 0))], []);

        Assert.Equal([new OpeningInterval(new TimeOnly(9, 0), new TimeOnly(17, 0))], OpeningSchedule.For(monday, business, OpeningSchedule.Empty));
        Assert.Equal([new OpeningInterval(new TimeOnly(10, 0), new TimeOnly(12, 0))], OpeningSchedule.For(monday, business, service));
        Assert.Empty(OpeningSchedule.For(monday.AddDays(7), business, service));
        Assert.Empty(OpeningSchedule.For(monday.AddDays(1), business, service));

        var shortDay = service with { Exceptions = [new DateException(monday, new TimeOnly(10, 0), new TimeOnly(11, 0), "")] };
        Assert.Equal([new OpeningInterval(new TimeOnly(10, 0), new TimeOnly(11, 0))], OpeningSchedule.For(monday, business, shortDay));
    }
}
