namespace Conversations.Infrastructure.Payments;

/// <summary>A booking's payment that was just paid or refunded.</summary>
public sealed record PaymentChange(Guid BusinessId, Guid BookingId, Guid PaymentId, long AmountMinor, string Currency);
