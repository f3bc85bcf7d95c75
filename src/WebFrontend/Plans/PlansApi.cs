using Conversations.Infrastructure.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Plans;

/// <summary>The platform's plans, their limits and prices, for the public pricing page: no account needed.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plans", List)
            .WithTags("Subscription")
            .AllowAnonymous()
            .WithSummary("The platform's plans: limits and monthly prices, and which plan a new business starts on.")
            .Produces<IReadOnlyList<PublicPlan>>();
        return app;
    }

    /// <param name="MonthlyPriceMinor">Minor units of <paramref name="Currency"/>; null for a plan sold on request.</param>
    /// <param name="IsDefault">The plan a new business starts on (its trial).</param>
    public sealed record PublicPlan(
        string Id, string Name, int? Agents, int? AiConversationsPerMonth, long? MonthlyPriceMinor, string? Currency, bool IsDefault);

    private static Ok<IReadOnlyList<PublicPlan>> List(PlanCatalog plans)
    {
        var defaultPlan = plans.Default.Id;
        return TypedResults.Ok<IReadOnlyList<PublicPlan>>(plans.All
            .Select(p => new PublicPlan(
                p.Id, p.Name, p.Agents, p.AiConversationsPerMonth, p.MonthlyPrice?.AmountMinor, p.MonthlyPrice?.Currency,
                string.Equals(p.Id, defaultPlan, StringComparison.OrdinalIgnoreCase)))
            .ToList());
    }
}
