namespace Conversations.WebFrontend.Bookings;

/// <summary>Changes to a booking: a new status, a new start (ISO 8601 with offset), another staff member, notes.</summary>
public sealed record BookingPatch(string? Status, string? Start, Guid? StaffId, string? Notes);
