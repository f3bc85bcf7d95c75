using System.Text;
using System.Text.Json.Nodes;
using Conversations.TestSupport;

namespace Conversations.Dashboard.Tests;

/// <summary>The dashboard with platform payments on: the real Stripe.net pointed at a fake Stripe API on 127.0.0.1.</summary>
public sealed class BillingDashboardFixture : DashboardFixture
{
    public const string WebhookSecret = "whsec_dashboard_endpoint_secret";

    public FakeStripeApi Stripe { get; } = new();

    protected override async Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync()
    {
        await Stripe.StartAsync();
        return new Dictionary<string, string>
        {
            ["Conversations:Stripe:SecretKey"] = FakeStripeApi.SecretKey,
            ["Conversations:Stripe:WebhookSecret"] = WebhookSecret,
            ["Conversations:Stripe:ApiBaseUrl"] = Stripe.BaseUrl,
            ["Conversations:Stripe:MaxNetworkRetries"] = "0",
            ["Conversations:Stripe:PlanPrices:professional"] = "price_professional_monthly",
            ["Conversations:Stripe:PlanPrices:starter"] = "price_starter_monthly",
        };
    }

    /// <summary>Stripe tells the product about an event, signed as Stripe signs it.</summary>
    public async Task DeliverEventAsync(string type, JsonObject dataObject, DateTimeOffset created)
    {
        var payload = StripeWebhooks.Event(type, dataObject, created: created);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook/stripe")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(StripeWebhooks.Header, StripeWebhooks.Sign(payload, WebhookSecret, DateTimeOffset.UtcNow));
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
    }

    /// <summary>A paid invoice of the subscription, as Stripe's <c>invoice.paid</c> carries it.</summary>
    public static JsonObject PaidInvoice(string customer, string subscription, string number, long amount)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var id = $"in_{Guid.NewGuid():N}";
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "invoice",
            ["customer"] = customer,
            ["number"] = number,
            ["amount_due"] = amount,
            ["amount_paid"] = amount,
            ["amount_remaining"] = 0,
            ["currency"] = "eur",
            ["status"] = "paid",
            ["hosted_invoice_url"] = $"https://invoice.stripe.test/i/{id}",
            ["period_start"] = now,
            ["period_end"] = now + 30 * 86_400,
            ["created"] = now,
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_details",
                ["subscription_details"] = new JsonObject { ["subscription"] = subscription, ["metadata"] = new JsonObject() },
            },
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BillingDashboardCollection : ICollectionFixture<BillingDashboardFixture>
{
    public const string Name = "dashboard-billing";
}
