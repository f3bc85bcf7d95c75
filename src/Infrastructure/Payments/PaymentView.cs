namespace Conversations.Infrastructure.Payments;

/// <summary>One Checkout Session of a booking, as the API shows it.</summary>
public sealed record PaymentView(
    Guid Id,
    Guid BookingId,
    string Status,
    long AmountMinor,
    string Currency,
    string Url,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? RefundedAt,
    long RefundedMinor);
