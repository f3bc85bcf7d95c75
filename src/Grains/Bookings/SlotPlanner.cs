namespace Conversations.Grains.Bookings;

/// <summary>
/// Pure slot arithmetic. Opening hours are local wall-clock times; they are turned into instants with the
/// business's time zone on that date, so a day on which clocks change is 23 or 25 hours long and its slots
/// follow the real clock. Slots start at each opening and follow each other every duration + buffer; a slot
/// is free when at least one candidate resource has nothing booked over the slot and its buffer, and it
/// starts after <c>now</c>.
/// </summary>
public static class SlotPlanner
{
    public static IReadOnlyList<FreeSlot> FreeSlots(
        DateOnly date,
        TimeZoneInfo zone,
        IReadOnlyList<OpeningInterval> openings,
        TimeSpan duration,
        TimeSpan buffer,
        IReadOnlyList<Guid> resources,
        IReadOnlyList<BusyRange> busy,
        DateTimeOffset now)
    {
        var slots = new List<FreeSlot>();
        var step = duration + buffer;
        foreach (var opening in openings.OrderBy(o => o.Opens))
        {
            var opens = ToInstant(date, opening.Opens, zone, earliest: true);
            var closes = ToInstant(date, opening.Closes, zone, earliest: false);
            for (var start = opens; start + duration <= closes; start += step)
            {
                var blockedUntil = start + step;
                if (start <= now || !resources.Any(r => IsFree(r, start, blockedUntil, busy)))
                {
                    continue;
                }

                slots.Add(new FreeSlot(TimeZoneInfo.ConvertTime(start, zone), TimeZoneInfo.ConvertTime(start + duration, zone)));
            }
        }

        return slots;
    }

    /// <summary>True when <paramref name="resource"/> has nothing booked over [from, until).</summary>
    public static bool IsFree(Guid resource, DateTimeOffset from, DateTimeOffset until, IReadOnlyList<BusyRange> busy) =>
        !busy.Any(b => b.ResourceId == resource && b.From < until && from < b.Until);

    /// <summary>
    /// The instant of a local time on a date. A time skipped by a spring-forward change is moved forward by
    /// the gap (02:30 → 03:30 in Madrid on 2026-03-29); a time that happens twice in the autumn is its first
    /// occurrence for an opening and its second for a closing, so the business is open the whole hour.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone, bool earliest)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, earliest ? offsets.Max() : offsets.Min());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The local date and time of an instant as an offset in the zone (what the API shows).</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
