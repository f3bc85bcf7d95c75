namespace Conversations.Infrastructure.Plans;

/// <summary>What a plan costs per month, as shown to buyers: minor units of an ISO 4217 currency.</summary>
public sealed record PlanPrice(long AmountMinor, string Currency);
