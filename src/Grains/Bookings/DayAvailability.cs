namespace Conversations.Grains.Bookings;

/// <summary>A service's free slots on one local date, or null when the service is unknown.</summary>
public sealed record DayAvailability(Guid ServiceId, DateOnly Date, string TimeZone, IReadOnlyList<FreeSlot> Slots);
