namespace Conversations.Infrastructure.Plans;

/// <summary>
/// A business's plan with the platform. <see cref="Status"/> is Stripe's subscription status, or <c>trial</c>
/// for a business on the default plan that never subscribed.
/// </summary>
public sealed record SubscriptionView(
    string Plan,
    string Status,
    string? StripeCustomerId,
    string? StripeSubscriptionId,
    DateTimeOffset? CurrentPeriodEnd,
    bool CancelAtPeriodEnd)
{
    public const string Trial = "trial";

    /// <summary>
    /// Whether the subscription is in force, so its plan's limits apply (a plan an operator set by hand, without
    /// Stripe, too). Changing or cancelling it goes through Stripe and needs <see cref="StripeSubscriptionId"/>.
    /// </summary>
    public bool IsRunning => Status is "active" or "trialing" or "past_due";
}
