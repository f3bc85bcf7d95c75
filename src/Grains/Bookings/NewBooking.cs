namespace Conversations.Grains.Bookings;

/// <summary>A booking to make. Without a staff member, one is chosen (see <see cref="IBookings.CreateAsync"/>).</summary>
/// <param name="RequireOpenSlot">True for the assistant: the start must be one of the free slots of its day.
/// Employees may book outside opening hours (a favour for a regular), never over another booking.</param>
public sealed record NewBooking(
    Guid ServiceId,
    Guid CustomerId,
    Guid? StaffId,
    DateTimeOffset Start,
    string Notes,
    string Status,
    bool RequireOpenSlot);
