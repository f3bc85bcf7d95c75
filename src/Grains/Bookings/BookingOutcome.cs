namespace Conversations.Grains.Bookings;

/// <summary>The booking as saved, or why it was not.</summary>
public sealed record BookingOutcome(BookingView? Booking, BookingFailure? Failure)
{
    public static BookingOutcome Saved(BookingView booking) => new(booking, null);

    public static BookingOutcome Failed(BookingFailureKind kind, string field, string message) => new(null, new BookingFailure(kind, field, message));
}
