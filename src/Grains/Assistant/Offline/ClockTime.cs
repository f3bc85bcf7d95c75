namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// A time as said. <see cref="IsGuess"/> marks an hour said without am/pm on a 12-hour clock ("at 3", "3:30",
/// "3 o'clock"): it is read with business-hours sense (1–7 pm, 8–11 am, 12 noon) unless a part of the day says
/// otherwise ("3 in the morning", "9 in the evening"; "afternoon at 11" stays 11:00). <see cref="Minutes"/> may be negative ("quarter to 4").
/// </summary>
internal readonly record struct ClockTime(int Hour, int Minutes, bool IsGuess)
{
    public TimeOnly ToTime(DayPart? part)
    {
        var hour = !IsGuess ? Hour : part switch
        {
            DayPart.Morning => Hour,
            DayPart.Afternoon => Hour <= 9 ? Hour + 12 : Hour,
            DayPart.Evening => Hour == 12 ? 12 : Hour + 12,
            _ => Hour is >= 1 and <= 7 ? Hour + 12 : Hour,
        };
        return new TimeOnly(hour, 0).AddMinutes(Minutes);
    }

    /// <summary>Every time this could mean: both halves of the day for a guessed hour.</summary>
    public IReadOnlyList<TimeOnly> Readings() =>
        IsGuess
            ? [new TimeOnly(Hour % 12, 0).AddMinutes(Minutes), new TimeOnly(Hour % 12 + 12, 0).AddMinutes(Minutes)]
            : [new TimeOnly(Hour, 0).AddMinutes(Minutes)];
}
