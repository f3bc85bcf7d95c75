namespace Conversations.Grains.Bookings;

/// <summary>A stretch of local wall-clock time on one date during which a service can be booked.</summary>
public sealed record OpeningInterval(TimeOnly Opens, TimeOnly Closes);
