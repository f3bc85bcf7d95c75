using Conversations.Grains.Bookings;

namespace Conversations.Unit.Tests;

public sealed class SlotPlannerTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private static readonly DateTimeOffset LongAgo = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Business = Guid.NewGuid();

    private static IReadOnlyList<FreeSlot> Slots(
        DateOnly date, string opens, string closes, int duration, int buffer = 0, IReadOnlyList<BusyRange>? busy = null, IReadOnlyList<Guid>? resources = null, DateTimeOffset? now = null) =>
        SlotPlanner.FreeSlots(
            date, Madrid, [new OpeningInterval(TimeOnly.Parse(opens), TimeOnly.Parse(closes))], TimeSpan.FromMinutes(duration), TimeSpan.FromMinutes(buffer),
            resources ?? [Business], busy ?? [], now ?? LongAgo);

    [Fact]
    public void Spring_forward_day_in_Madrid_skips_the_missing_hour()
    {
        var slots = Slots(new DateOnly(2026, 3, 29), "01:00", "05:00", 60);
        Assert.Equal(
            ["2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-29T04:00:00+02:00"],
            slots.Select(s => s.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(TimeSpan.FromHours(1), slots[0].End - slots[0].Start);
    }

    [Fact]
    public void Fall_back_day_in_Madrid_offers_the_repeated_hour_twice()
    {
        var slots = Slots(new DateOnly(2026, 10, 25), "01:00", "04:00", 60);
        Assert.Equal(4, slots.Count);
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(2), TimeSpan.FromHours(1), TimeSpan.FromHours(1)], slots.Select(s => s.Start.Offset));
    }

    [Fact]
    public void An_opening_time_inside_the_gap_moves_forward_by_the_gap()
    {
        var opens = SlotPlanner.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), Madrid, earliest: true);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), opens.ToUniversalTime());
    }

    [Fact]
    public void Ordinary_days_step_by_duration_plus_buffer_and_stop_before_closing()
    {
        var slots = Slots(new DateOnly(2026, 6, 1), "09:00", "12:00", 45, buffer: 15);
        Assert.Equal(["09:00", "10:00", "11:00"], slots.Select(s => s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(45), s.End - s.Start));
        Assert.Empty(Slots(new DateOnly(2026, 6, 1), "09:00", "09:30", 45));
    }

    [Fact]
    public void A_booking_or_its_buffer_takes_the_slots_it_overlaps_unless_another_resource_is_free()
    {
        var date = new DateOnly(2026, 6, 1);
        var (ana, ben) = (Guid.NewGuid(), Guid.NewGuid());
        // 10:30–11:00 in Madrid: the 10:30 slot is taken; the 09:00 one (with its buffer) ends exactly when it starts.
        var booked = new BusyRange(ana, new DateTimeOffset(2026, 6, 1, 8, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(["09:00", "12:00"], Slots(date, "09:00", "13:30", 60, 30, [booked], [ana]).Select(s => s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, Slots(date, "09:00", "13:30", 60, 30, [booked], [ana, ben]).Count);
    }

    [Fact]
    public void Slots_that_have_started_are_not_offered()
    {
        var now = new DateTimeOffset(2026, 6, 1, 8, 30, 0, TimeSpan.Zero); // 10:30 in Madrid
        Assert.Equal(["11:00"], Slots(new DateOnly(2026, 6, 1), "09:00", "12:00", 60, now: now).Select(s => s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
