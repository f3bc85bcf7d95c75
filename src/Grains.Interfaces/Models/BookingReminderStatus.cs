namespace Conversations.Grains.Interfaces.Models;

/// <summary>A booking grain's reminders: the next wake-up (null when none is scheduled) and the lead times already sent.</summary>
[GenerateSerializer, Immutable, Alias("book.BookingReminderStatus")]
public sealed record BookingReminderStatus(
    [property: Id(0)] DateTimeOffset? NextWake,
    [property: Id(1)] IReadOnlyList<TimeSpan> Sent,
    [property: Id(2)] bool ConfirmationSent);
