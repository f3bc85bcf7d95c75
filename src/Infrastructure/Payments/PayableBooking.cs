namespace Conversations.Infrastructure.Payments;

/// <summary>What a payment link is made from: the booking's state and its service's price.</summary>
public sealed record PayableBooking(Guid BookingId, string Status, DateTimeOffset Start, DateTimeOffset? PaidAt, string ServiceName, long PriceMinor, string Currency);
