using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// One booking's messages to the customer, keyed by the booking id: the confirmation when it is confirmed,
/// and reminders 24 hours and 1 hour before it starts, woken by an Orleans reminder so they survive restarts.
/// </summary>
public interface IBookingGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Takes the booking as it now stands. Confirmed: sends the confirmation (once per start time) and
    /// schedules the reminders; any other status, or a new start, cancels what was scheduled.
    /// Idempotent: the same plan twice changes nothing.
    /// </summary>
    Task ScheduleAsync(BookingReminderPlan plan);

    /// <summary>What is scheduled and what was sent.</summary>
    Task<BookingReminderStatus> GetStatusAsync();
}
