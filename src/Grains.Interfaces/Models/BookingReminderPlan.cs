namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// What a booking grain needs to remind the customer, sent whole after every change of the booking.
/// </summary>
/// <param name="CustomerWaId">The customer's WhatsApp id; null when they never wrote (nothing can be sent).</param>
/// <param name="Start">The start in the business's time zone (its offset is what the customer reads).</param>
/// <param name="ChangedAt">When the booking last changed; a confirmation's reminders start from it.</param>
[GenerateSerializer, Immutable, Alias("book.BookingReminderPlan")]
public sealed record BookingReminderPlan(
    [property: Id(0)] Guid BusinessId,
    [property: Id(1)] string? CustomerWaId,
    [property: Id(2)] string CustomerName,
    [property: Id(3)] string ServiceName,
    [property: Id(4)] DateTimeOffset Start,
    [property: Id(5)] string Status,
    [property: Id(6)] DateTimeOffset ChangedAt);
