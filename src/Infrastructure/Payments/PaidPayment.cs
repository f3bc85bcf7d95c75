namespace Conversations.Infrastructure.Payments;

/// <summary>A paid Checkout Session of a booking, as a refund needs it.</summary>
public sealed record PaidPayment(Guid Id, Guid BookingId, string PaymentIntentId, long AmountMinor, string Currency);
