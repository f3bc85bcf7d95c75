namespace Conversations.Grains.Assistant.Offline;

/// <summary>What a message says about when, before weekdays and guessed hours are settled against the current time.</summary>
internal sealed class WhenFindings
{
    public DateOnly? Date { get; set; }

    public bool DateImpossible { get; set; }

    public DayOfWeek? Weekday { get; set; }

    /// <summary>"next friday": strictly after today.</summary>
    public bool WeekdayStrict { get; set; }

    /// <summary>"friday next week": in the following Monday-to-Sunday week.</summary>
    public bool WeekdayNextWeek { get; set; }

    public bool Weekend { get; set; }

    public ClockTime? Clock { get; set; }

    public DayPart? Part { get; set; }

    public bool NamesDay => Date is not null || Weekday is not null;

    public bool IsEmpty => !NamesDay && !DateImpossible && Clock is null && Part is null;
}
