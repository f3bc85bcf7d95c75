namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// Finds the slot a customer took from the start times they were offered: by its number in the list ("1", "the
/// first", "the last one") or by when it is ("14:00", "2pm", "the 2 o'clock", "friday at 10", "the afternoon
/// one"). An hour without am/pm matches either half of the day, since the offered slots settle it. A number beyond
/// the list is read as an hour ("14", or "3" for 15:00). When the message fits several slots, none, or a number
/// and a time that disagree, there is no choice.
/// </summary>
public sealed class SlotChooser(DateOrder order, Lexicon lexicon)
{
    private readonly WhenParser when = new(order, lexicon);
    private readonly ListChoices choices = new(lexicon);

    public SlotChooser(DateOrder order = DateOrder.DayMonth)
        : this(order, Lexicon.English)
    {
    }

    /// <summary>The chosen start, one of <paramref name="offeredStarts"/> (local times), or null.</summary>
    public DateTimeOffset? Choose(string text, IReadOnlyList<DateTimeOffset> offeredStarts, DateTimeOffset localNow)
    {
        if (offeredStarts.Count == 0)
        {
            return null;
        }

        var message = lexicon.Normalizer.Normalize(text, correct: true);
        var found = when.Scan(message, DateOnly.FromDateTime(localNow.DateTime), afterList: true);
        var picks = choices.Read(message, offeredStarts.Count);
        var listed = picks.Where(p => p >= 1 && p <= offeredStarts.Count).ToList();
        if (listed.Count > 1 || (found.DateImpossible && !found.NamesDay))
        {
            return null;
        }

        DateTimeOffset? picked = listed.Count == 1 ? offeredStarts[listed[0] - 1] : null;
        var clock = found.Clock;
        if (clock is null && listed.Count == 0 && picks is [var hour and <= 23])
        {
            // A number beyond the list: an hour ("14", "thursday 10").
            clock = new ClockTime(hour, 0, IsGuess: hour is >= 1 and <= 12);
        }

        if (clock is null && found.IsEmpty)
        {
            return picked;
        }

        IEnumerable<DateTimeOffset> fitting = offeredStarts;
        if (found.NamesDay && WhenParser.Resolve(found, localNow)?.Date is { } date)
        {
            fitting = fitting.Where(s => DateOnly.FromDateTime(s.DateTime) == date);
        }

        if (clock is { } time)
        {
            fitting = fitting.Where(AtHour(time, found.Part));
        }
        else if (found.Part is { } part)
        {
            fitting = fitting.Where(s => DayPartHours.Contains(part, TimeOf(s)));
        }

        var matching = fitting.Distinct().ToList();
        if (picked is { } pick)
        {
            return matching.Contains(pick) ? pick : null;
        }

        return matching.Count == 1 ? matching[0] : null;
    }

    private static Func<DateTimeOffset, bool> AtHour(ClockTime clock, DayPart? part)
    {
        var readings = clock.IsGuess && part is { } p ? [clock.ToTime(p)] : clock.Readings();
        return s => readings.Contains(TimeOf(s));
    }

    private static TimeOnly TimeOf(DateTimeOffset start) => new(start.Hour, start.Minute);
}
