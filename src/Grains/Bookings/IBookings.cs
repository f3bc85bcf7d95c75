namespace Conversations.Grains.Bookings;

/// <summary>
/// The booking rules every caller goes through: the bookings API, and the assistant's
/// <c>check_availability</c> / <c>create_booking</c> tools. Implemented over PostgreSQL, whose exclusion
/// constraint has the last word on overlaps.
/// </summary>
public interface IBookings
{
    /// <summary>Free slots of the service on a local date of the business (null when the service is unknown or inactive).</summary>
    Task<DayAvailability?> FindFreeSlotsAsync(Guid businessId, Guid serviceId, DateOnly date, Guid? staffId, CancellationToken cancellationToken);

    /// <summary>
    /// Books a slot. With a staff member, the slot is taken from their calendar. Without one: when the service
    /// has performers, the first of them (by name) who is free at that time; when it has none, the business
    /// itself is the one resource. Fails with <see cref="BookingFailureKind.Conflict"/> on <c>start</c> when taken.
    /// </summary>
    Task<BookingOutcome> CreateAsync(Guid businessId, NewBooking booking, BookingActor actor, CancellationToken cancellationToken);

    /// <summary>Changes status, time, staff member or notes, recording who did it.</summary>
    Task<BookingOutcome> ChangeAsync(Guid businessId, Guid bookingId, BookingChange change, BookingActor actor, CancellationToken cancellationToken);

    Task<BookingView?> GetAsync(Guid businessId, Guid bookingId, CancellationToken cancellationToken);
}
