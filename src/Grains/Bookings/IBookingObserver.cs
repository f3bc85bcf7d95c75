namespace Conversations.Grains.Bookings;

/// <summary>
/// Hears of a booking's changes after they are committed, whoever made them (API, assistant). The booking is
/// the truth by then: an observer logs its own failures and never undoes the change.
/// </summary>
public interface IBookingObserver
{
    /// <summary>The booking was just cancelled (<paramref name="booking"/> is its state after the cancellation).</summary>
    Task CancelledAsync(Guid businessId, BookingView booking, BookingActor actor, CancellationToken cancellationToken);
}
