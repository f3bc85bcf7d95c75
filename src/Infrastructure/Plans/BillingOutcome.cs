using Conversations.Infrastructure.Payments;

namespace Conversations.Infrastructure.Plans;

/// <summary>What a request about the business's own plan came to: a Checkout URL, the subscription after a change, or a refusal.</summary>
public sealed record BillingOutcome(string? CheckoutUrl, SubscriptionView? Subscription, PaymentRefusal? Refusal)
{
    public static BillingOutcome Refused(PaymentRefusalKind kind, string field, string message) => new(null, null, new PaymentRefusal(kind, field, message));
}
