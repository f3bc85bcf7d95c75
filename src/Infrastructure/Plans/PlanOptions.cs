using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Plans;

/// <summary>
/// The plans the platform sells and their limits. Bound from <c>Conversations:Plans</c>; a plan's limits can be
/// changed (<c>Conversations:Plans:Plans:starter:Agents</c>) and plans added. The Stripe price of each plan is in
/// <c>Conversations:Stripe:PlanPrices</c>.
/// </summary>
public sealed class PlanOptions
{
    public const string Section = "Conversations:Plans";

    /// <summary>The plan of a business without a subscription (a new business's trial), and of one whose subscription ended.</summary>
    [Required]
    public string DefaultPlan { get; set; } = "starter";

    public Dictionary<string, PlanDefinition> Plans { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["starter"] = new() { Name = "Starter", Agents = 3, AiConversationsPerMonth = 500, MonthlyPriceMinor = 2900 },
        ["professional"] = new() { Name = "Professional", Agents = 15, AiConversationsPerMonth = 5000, MonthlyPriceMinor = 9900 },
        ["enterprise"] = new() { Name = "Enterprise" },
    };

    /// <summary>Why the options cannot be used, or null.</summary>
    public string? Problem()
    {
        if (!Plans.ContainsKey(DefaultPlan))
        {
            return $"{Section}:DefaultPlan '{DefaultPlan}' is not one of the plans ({string.Join(", ", Plans.Keys)}).";
        }

        foreach (var (id, plan) in Plans)
        {
            if (id.Length is 0 or > 40 || !id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return $"{Section}:Plans:{id}: a plan id is 1–40 lowercase letters, digits, '-' or '_'.";
            }

            if (plan.Agents is < 1)
            {
                return $"{Section}:Plans:{id}:Agents must be at least 1 (leave it empty for no limit).";
            }

            if (plan.AiConversationsPerMonth is < 0)
            {
                return $"{Section}:Plans:{id}:AiConversationsPerMonth cannot be negative (leave it empty for no limit).";
            }

            if (plan.MonthlyPriceMinor is < 0)
            {
                return $"{Section}:Plans:{id}:MonthlyPriceMinor cannot be negative (leave it empty for a plan sold on request).";
            }

            if (plan.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetter))
            {
                return $"{Section}:Plans:{id}:Currency must be an ISO 4217 code such as EUR.";
            }
        }

        return null;
    }
}
