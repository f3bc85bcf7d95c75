namespace Conversations.Grains.Bookings;

/// <summary>What to change in a booking; null members stay as they are.</summary>
public sealed record BookingChange(string? Status, DateTimeOffset? Start, Guid? StaffId, string? Notes);
