namespace Conversations.Grains.Assistant.Offline;

/// <summary>The local hours of each part of the day: morning 06–12, afternoon 12–17, evening 17–21, each [start, end).</summary>
public static class DayPartHours
{
    public static TimeOnly Start(DayPart part) => part switch
    {
        DayPart.Morning => new TimeOnly(6, 0),
        DayPart.Afternoon => new TimeOnly(12, 0),
        DayPart.Evening => new TimeOnly(17, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    public static TimeOnly End(DayPart part) => part switch
    {
        DayPart.Morning => new TimeOnly(12, 0),
        DayPart.Afternoon => new TimeOnly(17, 0),
        DayPart.Evening => new TimeOnly(21, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    public static bool Contains(DayPart part, TimeOnly time) => time >= Start(part) && time < End(part);

    /// <summary>The part of the day a time falls in, or null at night (21:00–06:00).</summary>
    public static DayPart? Of(TimeOnly time)
    {
        foreach (var part in Enum.GetValues<DayPart>())
        {
            if (Contains(part, time))
            {
                return part;
            }
        }

        return null;
    }
}
