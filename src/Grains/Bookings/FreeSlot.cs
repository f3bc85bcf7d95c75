namespace Conversations.Grains.Bookings;

/// <summary>A bookable slot, in the business's time zone.</summary>
public sealed record FreeSlot(DateTimeOffset Start, DateTimeOffset End);
