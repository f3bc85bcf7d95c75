namespace Conversations.Grains.Bookings;

/// <summary>One line of a booking's history: who changed what, when.</summary>
public sealed record BookingEventView(
    DateTimeOffset At, string Actor, Guid? EmployeeId, string Change, string? FromStatus, string? ToStatus, DateTimeOffset? Start);
