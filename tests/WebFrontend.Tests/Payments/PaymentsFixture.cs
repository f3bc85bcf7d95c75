using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Payments;

/// <summary>
/// Its own app and database with payments on: the real Stripe.net pointed at a fake Stripe API on 127.0.0.1,
/// a webhook signing secret the tests sign with, plan prices, a small extra plan (<c>tiny</c>) for limits, and the
/// assistant on.
/// </summary>
public sealed class PaymentsFixture : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_test_endpoint_secret";
    public const string ProfessionalPrice = "price_professional_monthly";
    public const string StarterPrice = "price_starter_monthly";

    public TestDatabase Database { get; private set; } = null!;

    public ConversationsApp App { get; private set; } = null!;

    private int bookings;

    public FakeStripeApi Stripe { get; } = new();

    public async Task InitializeAsync()
    {
        await Stripe.StartAsync();
        Database = await TestDatabase.CreateAsync();
        App = new ConversationsApp(Database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Conversations:Stripe:SecretKey"] = FakeStripeApi.SecretKey,
            ["Conversations:Stripe:WebhookSecret"] = WebhookSecret,
            ["Conversations:Stripe:ApiBaseUrl"] = Stripe.BaseUrl,
            ["Conversations:Stripe:PublicBaseUrl"] = "https://app.example.test",
            ["Conversations:Stripe:MaxNetworkRetries"] = "0",
            ["Conversations:Stripe:PlanPrices:professional"] = ProfessionalPrice,
            ["Conversations:Stripe:PlanPrices:starter"] = StarterPrice,
            ["Conversations:Plans:Plans:tiny:Name"] = "Tiny",
            ["Conversations:Plans:Plans:tiny:Agents"] = "2",
            ["Conversations:Plans:Plans:tiny:AiConversationsPerMonth"] = "5",
            ["Conversations:Assistant:Enabled"] = "true",
        });
        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    public static string NewCustomer() => $"4478{Random.Shared.Next(1_000_000, 9_999_999)}";

    /// <summary>A business whose assistant stays quiet (so a test's messages are its own), with its owner's client.</summary>
    public async Task<(TestTenant Tenant, HttpClient Owner)> NewTenantAsync(string name, bool assistant = false)
    {
        var tenant = await App.CreateTenantAsync(name);
        var owner = await App.ClientOfAsync(tenant);
        if (!assistant)
        {
            (await owner.PatchAsJsonAsync("/api/settings/ai", new { enabled = false })).EnsureSuccessStatusCode();
        }

        return (tenant, owner);
    }

    /// <summary>
    /// A customer who wrote on WhatsApp (so messages reach them) and their booking of the tenant's "Reading"
    /// (30.00 EUR) <paramref name="startsIn"/> from now. Returns the booking and conversation ids.
    /// </summary>
    public async Task<(Guid Booking, Guid Conversation)> BookAsync(TestTenant tenant, HttpClient owner, TimeSpan? startsIn = null)
    {
        var customer = NewCustomer();
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Hello, I'd like to book");
        var customerId = await Eventually.GetAsync(
            () => Database.ScalarAsync<Guid?>("SELECT id FROM customers WHERE business_id = @b AND wa_id = @w", ("b", tenant.BusinessId), ("w", customer)),
            id => id is not null, TimeSpan.FromSeconds(10), "the customer");
        var serviceId = await Database.ScalarAsync<Guid>("SELECT id FROM services WHERE business_id = @b AND name = 'Reading'", ("b", tenant.BusinessId));
        // Whole minutes, 40 apart per booking (at most 16 hours later), so no two bookings of a tenant overlap.
        var start = DateTimeOffset.UtcNow.Add(startsIn ?? TimeSpan.FromDays(3)).AddMinutes(Interlocked.Increment(ref bookings) % 24 * 40);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero);
        using var response = await owner.PostAsJsonAsync("/api/bookings", new { serviceId, customerId, start = RecordsFixture.At(start), status = "confirmed" });
        response.EnsureSuccessStatusCode();
        return ((await response.BodyAsync()).GetProperty("id").GetGuid(), ConversationIds.For(tenant.BusinessId, customer));
    }

    public static async Task<JsonElement> PaymentLinkAsync(HttpClient client, Guid booking, bool send = false)
    {
        using var response = await client.PostAsJsonAsync($"/api/bookings/{booking}/payment-link", new { send });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <param name="signatureOf">The body the signature is computed over, when not <paramref name="payload"/> (a tampered delivery).</param>
    public async Task<HttpResponseMessage> DeliverAsync(string payload, string? secret = WebhookSecret, DateTimeOffset? signedAt = null, string? signatureOf = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook/stripe")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(StripeWebhooks.Header, StripeWebhooks.Sign(signatureOf ?? payload, secret, signedAt ?? App.Clock.GetUtcNow()));
        }

        return await App.CreateClient().SendAsync(request);
    }

    /// <summary>Delivers a correctly signed event and expects Stripe's answer to be a 2xx.</summary>
    public async Task<JsonElement> DeliverEventAsync(string type, JsonObject dataObject, string? id = null, DateTimeOffset? created = null)
    {
        using var response = await DeliverAsync(StripeWebhooks.Event(type, dataObject, id, created));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The session the booking's link was made as, paid by the customer, told to us by Stripe.</summary>
    public async Task<JsonObject> PayAsync(HttpClient client, Guid booking)
    {
        var link = await PaymentLinkAsync(client, booking);
        var sessionId = link.GetProperty("payment").GetProperty("url").GetString()!.Split('/')[^1];
        var session = Stripe.CompletePayment(sessionId);
        await DeliverEventAsync("checkout.session.completed", session);
        return session;
    }

    public static async Task<IReadOnlyList<JsonElement>> MessagesAsync(HttpClient client, Guid conversationId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/messages?conversationId={conversationId}&limit=200");
        return page.GetProperty("messages").EnumerateArray().Select(m => m.Clone()).ToList();
    }

    public HttpClient Client(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class PaymentsCollection : ICollectionFixture<PaymentsFixture>
{
    public const string Name = "payments";
}
