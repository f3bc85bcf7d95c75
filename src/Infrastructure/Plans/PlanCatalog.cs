using System.Globalization;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Plans;

/// <summary>The plans of <see cref="PlanOptions"/>.</summary>
public sealed class PlanCatalog(IOptions<PlanOptions> options)
{
    public IReadOnlyList<Plan> All => options.Value.Plans.Select(p => ToPlan(p.Key, p.Value)).ToList();

    public Plan Default => Find(options.Value.DefaultPlan)!;

    public Plan? Find(string? id) =>
        id is not null && options.Value.Plans.TryGetValue(id, out var plan) ? ToPlan(id.ToLowerInvariant(), plan) : null;

    private static Plan ToPlan(string id, PlanDefinition plan) =>
        new(
            id,
            plan.Name ?? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(id),
            plan.Agents,
            plan.AiConversationsPerMonth,
            plan.MonthlyPriceMinor is { } price ? new PlanPrice(price, plan.Currency.ToUpperInvariant()) : null);
}
