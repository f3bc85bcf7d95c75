using System.Globalization;
using Conversations.Grains.Assistant.Offline;

namespace Conversations.Unit.Tests.Offline;

public sealed class SlotChooserTests
{
    // Wednesday 10 June 2026, 10:00 in Madrid.
    private static readonly DateTimeOffset Now = At("2026-06-10 10:00");

    private static readonly IReadOnlyList<DateTimeOffset> ThisAfternoon = [At("2026-06-10 14:00"), At("2026-06-10 15:30"), At("2026-06-10 17:00")];

    private static readonly IReadOnlyList<DateTimeOffset> NextDays = [At("2026-06-11 10:00"), At("2026-06-11 14:00"), At("2026-06-12 14:00")];

    private readonly SlotChooser chooser = new();

    private static DateTimeOffset At(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(2));

    private string Choose(string text, IReadOnlyList<DateTimeOffset> offered) =>
        chooser.Choose(text, offered, Now)?.ToString("ddd HH:mm", CultureInfo.InvariantCulture) ?? "none";

    [Theory]
    [InlineData("1", "Wed 14:00")]
    [InlineData("1.", "Wed 14:00")]
    [InlineData("the first", "Wed 14:00")]
    [InlineData("the first one please", "Wed 14:00")]
    [InlineData("frist one", "Wed 14:00")]
    [InlineData("2", "Wed 15:30")]
    [InlineData("number 2", "Wed 15:30")]
    [InlineData("option two", "Wed 15:30")]
    [InlineData("the second", "Wed 15:30")]
    [InlineData("#3", "Wed 17:00")]
    [InlineData("3rd", "Wed 17:00")]
    [InlineData("the 3rd", "Wed 17:00")]
    [InlineData("the 3rd one", "Wed 17:00")]
    [InlineData("the last one", "Wed 17:00")]
    [InlineData("the latest", "Wed 17:00")]
    [InlineData("ok, 2 please", "Wed 15:30")]
    public void By_number_in_the_list(string text, string expected) => Assert.Equal(expected, Choose(text, ThisAfternoon));

    [Theory]
    [InlineData("14:00", "Wed 14:00")]
    [InlineData("2pm", "Wed 14:00")]
    [InlineData("2 pm", "Wed 14:00")]
    [InlineData("the 2 o'clock", "Wed 14:00")]
    [InlineData("the 2 o'clock one", "Wed 14:00")]
    [InlineData("at 2", "Wed 14:00")]
    [InlineData("the one at 2 please", "Wed 14:00")]
    [InlineData("14h", "Wed 14:00")]
    [InlineData("15:30", "Wed 15:30")]
    [InlineData("3:30", "Wed 15:30")]
    [InlineData("15.30", "Wed 15:30")]
    [InlineData("half past 3", "Wed 15:30")]
    [InlineData("5pm", "Wed 17:00")]
    [InlineData("at 5", "Wed 17:00")]
    [InlineData("17:00 works", "Wed 17:00")]
    [InlineData("the evening one", "Wed 17:00")]
    [InlineData("14", "Wed 14:00")]
    [InlineData("17", "Wed 17:00")]
    [InlineData("today at 2", "Wed 14:00")]
    public void By_time(string text, string expected) => Assert.Equal(expected, Choose(text, ThisAfternoon));

    [Theory]
    [InlineData("the second one, 3:30", "Wed 15:30")]
    [InlineData("2, the 3:30", "Wed 15:30")]
    public void A_number_and_a_time_that_agree(string text, string expected) => Assert.Equal(expected, Choose(text, ThisAfternoon));

    [Theory]
    [InlineData("the second one at 5pm")]
    [InlineData("1 or 2")]
    [InlineData("not the first one")]
    [InlineData("3pm")]
    [InlineData("at 3")]
    [InlineData("4")]
    [InlineData("30")]
    [InlineData("the afternoon one")]
    [InlineData("the morning one")]
    [InlineData("tomorrow at 2")]
    [InlineData("yes")]
    [InlineData("")]
    [InlineData("none of them")]
    [InlineData("31/02 at 2pm")]
    public void No_choice_when_the_message_fits_no_slot_or_several(string text) => Assert.Equal("none", Choose(text, ThisAfternoon));

    [Theory]
    [InlineData("tomorrow at 2", "Thu 14:00")]
    [InlineData("thursday at 2pm", "Thu 14:00")]
    [InlineData("friday at 2", "Fri 14:00")]
    [InlineData("friday", "Fri 14:00")]
    [InlineData("on friday please", "Fri 14:00")]
    [InlineData("12/06 at 14:00", "Fri 14:00")]
    [InlineData("tomorrow morning", "Thu 10:00")]
    [InlineData("10am", "Thu 10:00")]
    [InlineData("at 10", "Thu 10:00")]
    [InlineData("thursday 10", "Thu 10:00")]
    [InlineData("the one at 2 on friday", "Fri 14:00")]
    [InlineData("3", "Fri 14:00")]
    [InlineData("the third", "Fri 14:00")]
    [InlineData("the 2nd one on thursday", "Thu 14:00")]
    public void Across_several_days(string text, string expected) => Assert.Equal(expected, Choose(text, NextDays));

    [Theory]
    [InlineData("2pm")]
    [InlineData("at 2")]
    [InlineData("tomorrow")]
    [InlineData("the 2nd one on friday")]
    [InlineData("on the 13th")]
    [InlineData("saturday")]
    public void Ambiguous_or_unoffered_across_several_days(string text) => Assert.Equal("none", Choose(text, NextDays));

    [Fact]
    public void Nothing_offered_nothing_chosen() => Assert.Null(chooser.Choose("1", [], Now));

    [Fact]
    public void The_chosen_start_is_the_offered_value_itself()
    {
        var offered = new[] { new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(1)) };
        Assert.Equal(offered[1], chooser.Choose("2", offered, Now));
        Assert.Null(chooser.Choose("2:30", offered, Now));
    }

    [Theory]
    [InlineData("12/06 at 2pm", DateOrder.DayMonth, "Fri 14:00")]
    [InlineData("06/12 at 2pm", DateOrder.MonthDay, "Fri 14:00")]
    [InlineData("06/12 at 2pm", DateOrder.DayMonth, "none")]
    public void Numeric_dates_follow_the_chosen_order(string text, DateOrder order, string expected) =>
        Assert.Equal(expected, new SlotChooser(order).Choose(text, NextDays, Now)?.ToString("ddd HH:mm", CultureInfo.InvariantCulture) ?? "none");
}
