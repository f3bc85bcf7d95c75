namespace Conversations.Grains.Bookings;

/// <summary>Why a booking could not be made or changed, naming the request field at fault.</summary>
public sealed record BookingFailure(BookingFailureKind Kind, string Field, string Message);
