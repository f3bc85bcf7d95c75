namespace Conversations.Infrastructure.Payments;

/// <summary>What one event changed, and which customer messages follow its commit.</summary>
public sealed record StripeEventEffect(Guid? BusinessId, bool Changed, PaymentChange? Paid, PaymentChange? Refunded)
{
    public static readonly StripeEventEffect None = new(null, false, null, null);
}
