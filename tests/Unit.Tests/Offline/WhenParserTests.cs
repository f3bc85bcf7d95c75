using System.Globalization;
using Conversations.Grains.Assistant.Offline;

namespace Conversations.Unit.Tests.Offline;

/// <summary>
/// Readings are written "date time part how": the date (or "?"), the time (or "-"), the part of the day (or "-"),
/// and whether the day was named, inferred, or impossible.
/// </summary>
public sealed class WhenParserTests
{
    // Wednesday 10 June 2026, 10:00 in Madrid.
    private static readonly DateTimeOffset Wednesday = At("2026-06-10 10:00");

    private readonly WhenParser parser = new();

    private static DateTimeOffset At(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(2));

    private static string Describe(RequestedTime? time) =>
        time is null
            ? "nothing"
            : string.Join(' ',
                time.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?",
                time.Time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "-",
                time.Part?.ToString() ?? "-",
                time.HasImpossibleDate ? "impossible" : time.IsDateExplicit ? "named" : "inferred");

    private string Read(string text, DateTimeOffset? now = null) => Describe(parser.Parse(text, now ?? Wednesday));

    [Theory]
    [InlineData("tomorrow at 3pm", "2026-06-11 15:00 - named")]
    [InlineData("Tomorrow at 3 P.M.", "2026-06-11 15:00 - named")]
    [InlineData("tomorrow 3 p.m.", "2026-06-11 15:00 - named")]
    [InlineData("today 15:30", "2026-06-10 15:30 - named")]
    [InlineData("today", "2026-06-10 - - named")]
    [InlineData("tomorrow", "2026-06-11 - - named")]
    [InlineData("tomorow at 3", "2026-06-11 15:00 - named")]
    [InlineData("tommorrow at 3", "2026-06-11 15:00 - named")]
    [InlineData("tmrw 3pm", "2026-06-11 15:00 - named")]
    [InlineData("day after tomorrow", "2026-06-12 - - named")]
    [InlineData("the day after tomorrow at 10", "2026-06-12 10:00 - named")]
    [InlineData("in 2 days", "2026-06-12 - - named")]
    [InlineData("in two days", "2026-06-12 - - named")]
    [InlineData("in a week", "2026-06-17 - - named")]
    [InlineData("in 3 weeks at noon", "2026-07-01 12:00 - named")]
    [InlineData("tonight", "2026-06-10 - Evening named")]
    [InlineData("tonight at 8", "2026-06-10 20:00 Evening named")]
    [InlineData("this evening", "2026-06-10 - Evening named")]
    [InlineData("tomorrow morning", "2026-06-11 - Morning named")]
    [InlineData("tomorrow afternoon at 2", "2026-06-11 14:00 Afternoon named")]
    public void Days_counted_from_today(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("25/12 14:00", "2026-12-25 14:00 - named")]
    [InlineData("25/12/2026", "2026-12-25 - - named")]
    [InlineData("25/12/26", "2026-12-25 - - named")]
    [InlineData("25-12-2026", "2026-12-25 - - named")]
    [InlineData("25.12.2026", "2026-12-25 - - named")]
    [InlineData("2026-12-25", "2026-12-25 - - named")]
    [InlineData("2026-12-25 at 9:30", "2026-12-25 09:30 - named")]
    [InlineData("Dec 25", "2026-12-25 - - named")]
    [InlineData("dec 25th", "2026-12-25 - - named")]
    [InlineData("25 December", "2026-12-25 - - named")]
    [InlineData("25th of december", "2026-12-25 - - named")]
    [InlineData("the 25th of December at 9am", "2026-12-25 09:00 - named")]
    [InlineData("december 25th at 10", "2026-12-25 10:00 - named")]
    [InlineData("December the 25th", "2026-12-25 - - named")]
    [InlineData("december 25, 2027", "2027-12-25 - - named")]
    [InlineData("25 dec 2027 at 4pm", "2027-12-25 16:00 - named")]
    [InlineData("decmber 25", "2026-12-25 - - named")]
    [InlineData("may 3", "2027-05-03 - - named")]
    [InlineData("3 may", "2027-05-03 - - named")]
    [InlineData("may I come on the 3rd?", "2026-07-03 - - named")]
    [InlineData("on the 25th", "2026-06-25 - - named")]
    [InlineData("on the 10th", "2026-06-10 - - named")]
    [InlineData("the 31st", "2026-07-31 - - named")]
    public void Calendar_dates(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("10/06", "2026-06-10 - - named")]
    [InlineData("9/6", "2027-06-09 - - named")]
    [InlineData("Jan 5", "2027-01-05 - - named")]
    [InlineData("25/12/2020", "2020-12-25 - - named")]
    public void A_date_already_past_this_year_is_next_years_unless_the_year_is_given(string text, string expected) =>
        Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("2026-12-26 09:00", "Dec 25", "2027-12-25 - - named")]
    [InlineData("2026-12-25 09:00", "25/12", "2026-12-25 - - named")]
    [InlineData("2026-12-31 09:00", "1/1", "2027-01-01 - - named")]
    [InlineData("2027-06-01 09:00", "29/02", "2028-02-29 - - named")]
    public void The_year_rolls_over_at_the_end_of_the_year(string now, string text, string expected) =>
        Assert.Equal(expected, Read(text, At(now)));

    [Theory]
    [InlineData("31/02", "? - - impossible")]
    [InlineData("31/02 at 3pm", "? 15:00 - impossible")]
    [InlineData("30/2/2027", "? - - impossible")]
    [InlineData("29/02", "? - - impossible")]
    [InlineData("29/02/2027", "? - - impossible")]
    [InlineData("31/04", "? - - impossible")]
    [InlineData("32/12", "? - - impossible")]
    [InlineData("0/5", "? - - impossible")]
    [InlineData("13/13", "? - - impossible")]
    [InlineData("12/25", "? - - impossible")]
    [InlineData("february 30", "? - - impossible")]
    [InlineData("31st of april", "? - - impossible")]
    [InlineData("2026-13-01", "? - - impossible")]
    public void Impossible_dates_give_no_date_rather_than_a_guess(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("29/02/2028", "2028-02-29 - - named")]
    [InlineData("31/12", "2026-12-31 - - named")]
    [InlineData("30/06", "2026-06-30 - - named")]
    public void Edge_dates_that_exist(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("12/25", "2026-12-25 - - named")]
    [InlineData("12/25 at 2pm", "2026-12-25 14:00 - named")]
    [InlineData("6/9", "2027-06-09 - - named")]
    [InlineData("25/12", "? - - impossible")]
    [InlineData("12/25/2026", "2026-12-25 - - named")]
    [InlineData("2026-12-25", "2026-12-25 - - named")]
    public void Month_first_order_is_a_choice_of_the_parser(string text, string expected) =>
        Assert.Equal(expected, Describe(new WhenParser(DateOrder.MonthDay).Parse(text, Wednesday)));

    [Theory]
    [InlineData("friday", "2026-06-12 - - named")]
    [InlineData("Friday?", "2026-06-12 - - named")]
    [InlineData("this friday", "2026-06-12 - - named")]
    [InlineData("on friday", "2026-06-12 - - named")]
    [InlineData("fri 3pm", "2026-06-12 15:00 - named")]
    [InlineData("firday at 10", "2026-06-12 10:00 - named")]
    [InlineData("next Friday morning", "2026-06-12 - Morning named")]
    [InlineData("next friday", "2026-06-12 - - named")]
    [InlineData("friday next week", "2026-06-19 - - named")]
    [InlineData("on monday afternoon", "2026-06-15 - Afternoon named")]
    [InlineData("monday", "2026-06-15 - - named")]
    [InlineData("wednesday", "2026-06-10 - - named")]
    [InlineData("wednesday at 9", "2026-06-17 09:00 - named")]
    [InlineData("wednesday at 3", "2026-06-10 15:00 - named")]
    [InlineData("next wednesday", "2026-06-17 - - named")]
    [InlineData("tuesday", "2026-06-16 - - named")]
    [InlineData("saturday at 11am", "2026-06-13 11:00 - named")]
    [InlineData("this weekend", "2026-06-13 - - named")]
    [InlineData("next weekend", "2026-06-13 - - named")]
    public void Weekdays_are_the_next_one_from_today(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("friday", "2026-06-12 - - named")]
    [InlineData("friday at 3", "2026-06-12 15:00 - named")]
    [InlineData("friday at 9", "2026-06-19 09:00 - named")]
    [InlineData("friday at 10", "2026-06-19 10:00 - named")]
    [InlineData("friday evening", "2026-06-12 - Evening named")]
    [InlineData("friday morning", "2026-06-12 - Morning named")]
    [InlineData("next friday", "2026-06-19 - - named")]
    [InlineData("this friday", "2026-06-12 - - named")]
    public void The_weekday_said_on_that_day_is_today_while_the_time_asked_for_is_ahead(string text, string expected) =>
        Assert.Equal(expected, Read(text, At("2026-06-12 10:00")));

    [Theory]
    [InlineData("friday morning", "2026-06-19 - Morning named")]
    [InlineData("friday afternoon", "2026-06-12 - Afternoon named")]
    public void A_part_of_the_day_that_is_over_moves_the_weekday_a_week_on(string text, string expected) =>
        Assert.Equal(expected, Read(text, At("2026-06-12 13:00")));

    [Theory]
    [InlineData("this weekend", "2026-06-14 - - named")]
    [InlineData("next weekend", "2026-06-20 - - named")]
    [InlineData("saturday", "2026-06-20 - - named")]
    public void The_weekend_said_on_a_sunday(string text, string expected) => Assert.Equal(expected, Read(text, At("2026-06-14 10:00")));

    [Theory]
    [InlineData("at 3", "2026-06-10 15:00 - inferred")]
    [InlineData("3 pm", "2026-06-10 15:00 - inferred")]
    [InlineData("3pm", "2026-06-10 15:00 - inferred")]
    [InlineData("3PM", "2026-06-10 15:00 - inferred")]
    [InlineData("3:30pm", "2026-06-10 15:30 - inferred")]
    [InlineData("3:30 pm", "2026-06-10 15:30 - inferred")]
    [InlineData("11am", "2026-06-10 11:00 - inferred")]
    [InlineData("11 a.m.", "2026-06-10 11:00 - inferred")]
    [InlineData("15h", "2026-06-10 15:00 - inferred")]
    [InlineData("15h30", "2026-06-10 15:30 - inferred")]
    [InlineData("15.30", "2026-06-10 15:30 - inferred")]
    [InlineData("15:30", "2026-06-10 15:30 - inferred")]
    [InlineData("15:30pm", "2026-06-10 15:30 - inferred")]
    [InlineData("noon", "2026-06-10 12:00 - inferred")]
    [InlineData("midday", "2026-06-10 12:00 - inferred")]
    [InlineData("midnight", "2026-06-11 00:00 - inferred")]
    [InlineData("12pm", "2026-06-10 12:00 - inferred")]
    [InlineData("12am", "2026-06-11 00:00 - inferred")]
    [InlineData("3 o'clock", "2026-06-10 15:00 - inferred")]
    [InlineData("3 oclock", "2026-06-10 15:00 - inferred")]
    [InlineData("at three", "2026-06-10 15:00 - inferred")]
    [InlineData("three pm", "2026-06-10 15:00 - inferred")]
    [InlineData("half past 3", "2026-06-10 15:30 - inferred")]
    [InlineData("quarter past 4", "2026-06-10 16:15 - inferred")]
    [InlineData("quarter to 5", "2026-06-10 16:45 - inferred")]
    [InlineData("quarter to 8", "2026-06-11 07:45 - inferred")]
    [InlineData("at 15", "2026-06-10 15:00 - inferred")]
    [InlineData("at 10:30", "2026-06-10 10:30 - inferred")]
    [InlineData("around 4", "2026-06-10 16:00 - inferred")]
    public void Times_without_a_day_are_today_while_still_ahead(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("at 1", "13:00")]
    [InlineData("at 5", "17:00")]
    [InlineData("at 7", "19:00")]
    [InlineData("at 8", "08:00")]
    [InlineData("at 9", "09:00")]
    [InlineData("at 11", "11:00")]
    [InlineData("at 12", "12:00")]
    [InlineData("at 0", "00:00")]
    [InlineData("at 20", "20:00")]
    [InlineData("3:30", "15:30")]
    [InlineData("9:00", "09:00")]
    [InlineData("5:00", "17:00")]
    [InlineData("09:00", "09:00")]
    [InlineData("07:00", "07:00")]
    [InlineData("7:00", "19:00")]
    [InlineData("7am", "07:00")]
    [InlineData("9pm", "21:00")]
    [InlineData("at 3 in the morning", "03:00")]
    [InlineData("at 10 in the morning", "10:00")]
    [InlineData("8 in the evening", "20:00")]
    [InlineData("at 9 tonight", "21:00")]
    [InlineData("monday afternoon at 2", "14:00")]
    [InlineData("friday morning at 11", "11:00")]
    [InlineData("at 12 in the afternoon", "12:00")]
    [InlineData("afternoon at 11", "11:00")]
    [InlineData("at 10 in the evening", "22:00")]
    public void Hours_without_am_or_pm_follow_business_hours_unless_the_part_of_the_day_says_otherwise(string text, string time) =>
        Assert.Equal(time, parser.Parse(text, Wednesday)?.Time?.ToString("HH:mm", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("Good afternoon! Could I book for 12/07 at 11:30?", "2026-07-12 11:30 - named")]
    [InlineData("good evening, tomorrow at 8 please", "2026-06-11 08:00 - named")]
    [InlineData("Morning! can I come at 3", "2026-06-10 15:00 - inferred")]
    [InlineData("good morning", "nothing")]
    [InlineData("morning", "2026-06-10 - Morning inferred")]
    [InlineData("friday, morning if possible", "2026-06-12 - Morning named")]
    public void A_greeting_does_not_ask_for_a_part_of_the_day(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("friday 19th", "2026-06-19 - - named")]
    [InlineData("on friday the 19th at 2", "2026-06-19 14:00 - named")]
    [InlineData("Saturday 13/6 at 10", "2026-06-13 10:00 - named")]
    public void A_date_beside_a_weekday_wins(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("at 9", "2026-06-11 09:00 - inferred")]
    [InlineData("10:00", "2026-06-11 10:00 - inferred")]
    [InlineData("10:01", "2026-06-10 10:01 - inferred")]
    [InlineData("in the morning", "2026-06-10 - Morning inferred")]
    [InlineData("afternoon", "2026-06-10 - Afternoon inferred")]
    [InlineData("evening please", "2026-06-10 - Evening inferred")]
    public void A_time_already_past_today_is_tomorrow(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("in the morning", "2026-06-11 - Morning inferred")]
    [InlineData("at 3", "2026-06-11 15:00 - inferred")]
    [InlineData("evening", "2026-06-10 - Evening inferred")]
    public void The_inferred_day_depends_on_the_time_of_asking(string text, string expected) =>
        Assert.Equal(expected, Read(text, At("2026-06-10 16:30")));

    [Theory]
    [InlineData("2")]
    [InlineData("number 2")]
    [InlineData("option 3")]
    [InlineData("#2")]
    [InlineData("the 2nd one")]
    [InlineData("2 people")]
    [InlineData("haircut please")]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("at 25")]
    [InlineData("at 3:75")]
    [InlineData("ok 4 2")]
    [InlineData("can I book?")]
    [InlineData("may I book?")]
    [InlineData("I'd like a haircut")]
    public void Plain_numbers_and_other_words_are_not_times(string text) => Assert.Null(parser.Parse(text, Wednesday));

    [Fact]
    public void Parsing_depends_only_on_its_inputs()
    {
        var first = parser.Parse("next friday at 3", Wednesday);
        var second = new WhenParser().Parse("next friday at 3", Wednesday);
        Assert.Equal(first, second);
        Assert.Equal(new RequestedTime(new DateOnly(2026, 6, 12), new TimeOnly(15, 0), null, true, false), first);
    }

    [Theory]
    [InlineData(DayPart.Morning, "06:00", "12:00")]
    [InlineData(DayPart.Afternoon, "12:00", "17:00")]
    [InlineData(DayPart.Evening, "17:00", "21:00")]
    public void Parts_of_the_day_have_fixed_hours(DayPart part, string start, string end)
    {
        Assert.Equal(TimeOnly.Parse(start, CultureInfo.InvariantCulture), DayPartHours.Start(part));
        Assert.Equal(TimeOnly.Parse(end, CultureInfo.InvariantCulture), DayPartHours.End(part));
        Assert.True(DayPartHours.Contains(part, DayPartHours.Start(part)));
        Assert.False(DayPartHours.Contains(part, DayPartHours.End(part)));
    }

    [Theory]
    [InlineData("05:59", null)]
    [InlineData("06:00", DayPart.Morning)]
    [InlineData("11:59", DayPart.Morning)]
    [InlineData("12:00", DayPart.Afternoon)]
    [InlineData("16:59", DayPart.Afternoon)]
    [InlineData("17:00", DayPart.Evening)]
    [InlineData("20:59", DayPart.Evening)]
    [InlineData("21:00", null)]
    public void A_time_falls_in_at_most_one_part_of_the_day(string time, DayPart? part) =>
        Assert.Equal(part, DayPartHours.Of(TimeOnly.Parse(time, CultureInfo.InvariantCulture)));
}
