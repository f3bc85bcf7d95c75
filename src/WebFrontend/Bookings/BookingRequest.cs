namespace Conversations.WebFrontend.Bookings;

/// <summary>
/// A booking to make. <see cref="Start"/> is ISO 8601 with its offset, e.g. <c>2026-03-30T10:00:00+02:00</c>.
/// <see cref="Status"/> is <c>pending</c> (the default) or <c>confirmed</c>.
/// </summary>
public sealed record BookingRequest(Guid? ServiceId, Guid? CustomerId, Guid? StaffId, string? Start, string? Status, string? Notes);
