using System.Security.Claims;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Payments;
using Conversations.Infrastructure.Plans;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Payments;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Conversations.WebFrontend.Plans;

/// <summary>
/// The business's own plan with the platform, for its owners (<c>billing.manage</c>): what is in force and used, Checkout to
/// subscribe, a change of plan, cancelling, and the invoices. Reading works without Stripe (every business is
/// then on the default plan); the routes that go to Stripe answer that payments are not configured.
/// </summary>
public static class SubscriptionApi
{
    public static IEndpointRouteBuilder MapSubscriptionApi(this IEndpointRouteBuilder app)
    {
        var subscription = app.MapGroup("/api/subscription").WithTags("Subscription").RequirePermission(Permissions.BillingManage);
        subscription.MapGet("/", GetAsync);
        subscription.MapGet("/invoices", InvoicesAsync);
        subscription.MapPost("/checkout", CheckoutAsync);
        subscription.MapPost("/upgrade", UpgradeAsync);
        subscription.MapPost("/cancel", CancelAsync);
        return app;
    }

    public sealed record PlanRequest(string? Plan);

    public sealed record CheckoutView(string Url);

    public sealed record Usage(long Agents, long AiConversationsThisMonth);

    public sealed record SubscriptionState(
        string Plan, string Status, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd, Plan Limits, Usage Usage, IReadOnlyList<PlanOffer> Plans);

    /// <param name="Sold">Whether the plan can be bought online (it has a Stripe price).</param>
    public sealed record PlanOffer(string Id, string Name, int? Agents, int? AiConversationsPerMonth, bool Sold, PlanPrice? MonthlyPrice);

    /// <summary>The business's subscription: its plan, status, usage (seats, AI conversations this month) and the plans on offer.</summary>
    internal static async Task<Ok<SubscriptionState>> GetAsync(
        ClaimsPrincipal user, SubscriptionStore subscriptions, PlanCatalog plans, PlanLimits limits, IOptions<StripeOptions> stripe,
        CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var subscription = await subscriptions.GetAsync(businessId, cancellationToken);
        var effective = await subscriptions.EffectivePlanAsync(businessId, cancellationToken);
        var usage = new Usage(await limits.SeatsInUseAsync(businessId, cancellationToken), await limits.AiConversationsThisMonthAsync(businessId, cancellationToken));
        var offers = plans.All.Select(p => new PlanOffer(p.Id, p.Name, p.Agents, p.AiConversationsPerMonth, stripe.Value.IsConfigured && stripe.Value.PlanPrices.ContainsKey(p.Id), p.MonthlyPrice)).ToList();
        return TypedResults.Ok(new SubscriptionState(
            effective.Id, subscription.Status, subscription.CurrentPeriodEnd, subscription.CancelAtPeriodEnd, effective, usage, offers));
    }

    /// <summary>The business's subscription invoices, newest first (up to 100).</summary>
    internal static async Task<Ok<IReadOnlyList<InvoiceView>>> InvoicesAsync(
        ClaimsPrincipal user, SubscriptionStore subscriptions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await subscriptions.ListInvoicesAsync(user.GetBusinessId(), 100, cancellationToken));

    /// <summary>Starts a Stripe Checkout for a plan and returns its URL; needs Stripe configured.</summary>
    internal static async Task<Results<Ok<CheckoutView>, ProblemHttpResult>> CheckoutAsync(
        PlanRequest? request, ClaimsPrincipal user, StripeAccount stripe, PlatformBilling billing, BusinessProvisioning businesses,
        CancellationToken cancellationToken)
    {
        if (NotConfigured(stripe) is { } refused)
        {
            return refused;
        }

        var businessId = user.GetBusinessId();
        var name = await businesses.FindNameAsync(businessId, cancellationToken) ?? "Business";
        var outcome = await billing.CheckoutAsync(businessId, request?.Plan, user.FindFirstValue(ConversationsClaims.Email), name, cancellationToken);
        return outcome.CheckoutUrl is { } url ? TypedResults.Ok(new CheckoutView(url)) : PaymentProblems.Of(outcome.Refusal!);
    }

    /// <summary>Moves the business's subscription to another plan; needs Stripe configured.</summary>
    internal static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> UpgradeAsync(
        PlanRequest? request, ClaimsPrincipal user, StripeAccount stripe, PlatformBilling billing, CancellationToken cancellationToken)
    {
        if (NotConfigured(stripe) is { } refused)
        {
            return refused;
        }

        var outcome = await billing.ChangePlanAsync(user.GetBusinessId(), request?.Plan, cancellationToken);
        return outcome.Subscription is { } subscription ? TypedResults.Ok(subscription) : PaymentProblems.Of(outcome.Refusal!);
    }

    /// <summary>Cancels the business's running subscription at the end of its period; needs Stripe configured (409 when none is running).</summary>
    internal static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> CancelAsync(
        ClaimsPrincipal user, StripeAccount stripe, PlatformBilling billing, CancellationToken cancellationToken)
    {
        if (NotConfigured(stripe) is { } refused)
        {
            return refused;
        }

        var outcome = await billing.CancelAsync(user.GetBusinessId(), cancellationToken);
        return outcome.Subscription is { } subscription ? TypedResults.Ok(subscription) : PaymentProblems.Of(outcome.Refusal!);
    }

    private static ProblemHttpResult? NotConfigured(StripeAccount stripe) =>
        stripe.IsConfigured ? null : PaymentProblems.NotConfigured(nameof(StripeOptions.SecretKey));
}
