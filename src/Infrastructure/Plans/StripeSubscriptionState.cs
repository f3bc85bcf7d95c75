namespace Conversations.Infrastructure.Plans;

/// <summary>A Stripe subscription as one event told it; <see cref="EventAt"/> is the event's creation time.</summary>
public sealed record StripeSubscriptionState(
    string SubscriptionId, string? CustomerId, string Status, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd, DateTimeOffset EventAt);
