using Conversations.Infrastructure.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Conversations.Infrastructure.Plans;

/// <summary>
/// A business's subscription to the platform through Stripe Billing: Checkout in <c>subscription</c> mode to
/// start one, a change of the subscription's price to change plan, cancelling at the period's end. The
/// subscription's events (<see cref="StripeEvents"/>) then set what is in force.
/// </summary>
public sealed partial class PlatformBilling(
    StripeAccount stripe,
    SubscriptionStore subscriptions,
    PlanCatalog plans,
    PlanLimits limits,
    IOptions<StripeOptions> options,
    TimeProvider time,
    ILogger<PlatformBilling> logger)
{
    public async Task<BillingOutcome> CheckoutAsync(Guid businessId, string? planId, string? ownerEmail, string businessName, CancellationToken cancellationToken)
    {
        if (SellablePlan(planId, out var plan, out var price) is { } refused)
        {
            return refused;
        }

        var current = await subscriptions.GetAsync(businessId, cancellationToken);
        if (current is { IsRunning: true, StripeSubscriptionId: not null })
        {
            return BillingOutcome.Refused(PaymentRefusalKind.Conflict, "plan", "A subscription is running already; change its plan with /api/subscription/upgrade.");
        }

        var now = time.GetUtcNow();
        try
        {
            var customerId = current.StripeCustomerId ?? await CreateCustomerAsync(businessId, ownerEmail, businessName, cancellationToken);
            var metadata = new Dictionary<string, string>
            {
                [StripeMetadata.Kind] = StripeMetadata.Subscription,
                [StripeMetadata.BusinessId] = businessId.ToString(),
                [StripeMetadata.Plan] = plan.Id,
            };
            var publicBase = options.Value.PublicBaseUrl.TrimEnd('/');
            var session = await stripe.Client.V1.Checkout.Sessions.CreateAsync(
                new SessionCreateOptions
                {
                    Mode = "subscription",
                    Customer = customerId,
                    ClientReferenceId = businessId.ToString(),
                    LineItems = [new SessionLineItemOptions { Price = price, Quantity = 1 }],
                    Metadata = metadata,
                    SubscriptionData = new SessionSubscriptionDataOptions { Metadata = new Dictionary<string, string>(metadata) },
                    SuccessUrl = $"{publicBase}/settings/billing?checkout=success",
                    CancelUrl = $"{publicBase}/settings/billing?checkout=cancel",
                },
                // A retried request within the hour gets the same session, never a second subscription's.
                new RequestOptions { IdempotencyKey = $"subscription-checkout-{businessId:N}-{plan.Id}-{now:yyyyMMddHH}" },
                cancellationToken);
            return new BillingOutcome(session.Url, null, null);
        }
        catch (Exception e) when (IsStripeFailure(e, cancellationToken))
        {
            LogStripeFailed(logger, e, businessId, "checkout");
            return Unavailable();
        }
    }

    public async Task<BillingOutcome> ChangePlanAsync(Guid businessId, string? planId, CancellationToken cancellationToken)
    {
        if (SellablePlan(planId, out var plan, out var price) is { } refused)
        {
            return refused;
        }

        var current = await subscriptions.GetAsync(businessId, cancellationToken);
        if (current is not { IsRunning: true, StripeSubscriptionId: { } subscriptionId })
        {
            return BillingOutcome.Refused(PaymentRefusalKind.Conflict, "plan", "No subscription is running; start one with /api/subscription/checkout.");
        }

        if (string.Equals(current.Plan, plan.Id, StringComparison.OrdinalIgnoreCase) && !current.CancelAtPeriodEnd)
        {
            return BillingOutcome.Refused(PaymentRefusalKind.Conflict, "plan", $"The business is on the {plan.Name} plan already.");
        }

        var seats = await limits.SeatsInUseAsync(businessId, cancellationToken);
        if (plan.Agents is { } allowed && seats > allowed)
        {
            return BillingOutcome.Refused(PaymentRefusalKind.Conflict, PlanLimits.Agents,
                $"The business has {seats} agents and the {plan.Name} plan allows {allowed}; deactivate some first.");
        }

        try
        {
            var subscription = await stripe.Client.V1.Subscriptions.GetAsync(subscriptionId, cancellationToken: cancellationToken);
            var item = subscription.Items?.Data?.FirstOrDefault();
            if (item is null)
            {
                return BillingOutcome.Refused(PaymentRefusalKind.Unavailable, "plan", "Stripe's subscription has no item to change.");
            }

            await stripe.Client.V1.Subscriptions.UpdateAsync(
                subscriptionId,
                new SubscriptionUpdateOptions
                {
                    Items = [new SubscriptionItemOptions { Id = item.Id, Price = price }],
                    ProrationBehavior = "create_prorations",
                    CancelAtPeriodEnd = false,
                    Metadata = new Dictionary<string, string> { [StripeMetadata.Plan] = plan.Id },
                },
                new RequestOptions { IdempotencyKey = $"subscription-plan-{subscriptionId}-{item.Price?.Id}-{plan.Id}" },
                cancellationToken);
        }
        catch (Exception e) when (IsStripeFailure(e, cancellationToken))
        {
            LogStripeFailed(logger, e, businessId, "plan change");
            return Unavailable();
        }

        await subscriptions.SetRequestedAsync(businessId, plan.Id, false, cancellationToken);
        return new BillingOutcome(null, await subscriptions.GetAsync(businessId, cancellationToken), null);
    }

    /// <summary>Cancels at the end of the paid period; the plan stays in force until then.</summary>
    public async Task<BillingOutcome> CancelAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var current = await subscriptions.GetAsync(businessId, cancellationToken);
        if (current is not { IsRunning: true, StripeSubscriptionId: { } subscriptionId })
        {
            return BillingOutcome.Refused(PaymentRefusalKind.Conflict, "subscription", "No subscription is running.");
        }

        if (!current.CancelAtPeriodEnd)
        {
            try
            {
                await stripe.Client.V1.Subscriptions.UpdateAsync(
                    subscriptionId,
                    new SubscriptionUpdateOptions { CancelAtPeriodEnd = true },
                    new RequestOptions { IdempotencyKey = $"subscription-cancel-{subscriptionId}-{time.GetUtcNow():yyyyMMddHH}" },
                    cancellationToken);
            }
            catch (Exception e) when (IsStripeFailure(e, cancellationToken))
            {
                LogStripeFailed(logger, e, businessId, "cancellation");
                return Unavailable();
            }

            await subscriptions.SetRequestedAsync(businessId, null, true, cancellationToken);
        }

        return new BillingOutcome(null, await subscriptions.GetAsync(businessId, cancellationToken), null);
    }

    private BillingOutcome? SellablePlan(string? planId, out Plan plan, out string price)
    {
        plan = plans.Find(planId)!;
        price = "";
        if (plan is null)
        {
            return BillingOutcome.Refused(PaymentRefusalKind.NotFound, "plan", $"No such plan; one of: {string.Join(", ", plans.All.Select(p => p.Id))}.");
        }

        if (!options.Value.PlanPrices.TryGetValue(plan.Id, out var priceId) || string.IsNullOrWhiteSpace(priceId))
        {
            return BillingOutcome.Refused(PaymentRefusalKind.Conflict, "plan", $"The {plan.Name} plan is not sold online; contact us for it.");
        }

        price = priceId;
        return null;
    }

    private async Task<string> CreateCustomerAsync(Guid businessId, string? ownerEmail, string businessName, CancellationToken cancellationToken)
    {
        var customer = await stripe.Client.V1.Customers.CreateAsync(
            new CustomerCreateOptions
            {
                Name = businessName,
                Email = ownerEmail,
                Metadata = new Dictionary<string, string> { [StripeMetadata.BusinessId] = businessId.ToString() },
            },
            new RequestOptions { IdempotencyKey = $"business-customer-{businessId:N}" },
            cancellationToken);
        return await subscriptions.SetCustomerAsync(businessId, customer.Id, cancellationToken);
    }

    private static bool IsStripeFailure(Exception e, CancellationToken cancellationToken) =>
        e is StripeException or HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static BillingOutcome Unavailable() =>
        BillingOutcome.Refused(PaymentRefusalKind.Unavailable, "subscription", "Stripe could not be reached or refused the request; try again shortly.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Business {BusinessId}: Stripe failed the subscription's {Action}")]
    private static partial void LogStripeFailed(ILogger logger, Exception exception, Guid businessId, string action);
}
