namespace Conversations.Infrastructure.Plans;

/// <summary>One plan's name and limits, as configured; a limit left empty is no limit.</summary>
public sealed class PlanDefinition
{
    public string? Name { get; set; }

    /// <summary>Employees a business may have (owner included, invitations pending included).</summary>
    public int? Agents { get; set; }

    /// <summary>Conversations the assistant may answer per calendar month (UTC).</summary>
    public int? AiConversationsPerMonth { get; set; }

    /// <summary>
    /// The monthly price the pricing page shows, in minor units of <see cref="Currency"/>; empty for a plan sold on
    /// request. Stripe charges the price in <c>Conversations:Stripe:PlanPrices</c>, which should say the same.
    /// </summary>
    public long? MonthlyPriceMinor { get; set; }

    /// <summary>ISO 4217 code of <see cref="MonthlyPriceMinor"/>.</summary>
    public string Currency { get; set; } = "EUR";
}
