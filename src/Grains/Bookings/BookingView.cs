namespace Conversations.Grains.Bookings;

/// <summary>A booking, its times in the business's time zone.</summary>
public sealed record BookingView(
    Guid Id,
    Guid ServiceId,
    string ServiceName,
    Guid CustomerId,
    string? CustomerName,
    Guid? StaffId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Status,
    string Notes,
    string TimeZone,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
