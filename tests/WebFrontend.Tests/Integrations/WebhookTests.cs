using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Conversations.Grains.Integrations;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Integrations;

[Collection(WebhooksCollection.Name)]
public sealed class WebhookTests(WebhooksFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private WebhookReceiver Receiver => fixture.Receiver;

    private static string NewCustomer() => $"3460{Random.Shared.Next(1_000_000, 9_999_999)}";

    private static string NewPath() => $"/hooks/{Guid.NewGuid():N}";

    private async Task<(HttpClient Client, TestTenant Tenant)> TenantAsync()
    {
        var tenant = await App.CreateTenantAsync("Webhooks shop");
        return (await App.ClientOfAsync(tenant), tenant);
    }

    private async Task<JsonNode> SubscribeAsync(HttpClient client, string path, params string[] eventTypes)
    {
        using var response = await client.PostAsJsonAsync(
            "/api/webhooks/endpoints", new { url = Receiver.BaseUrl + path, description = "test", eventTypes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    /// <summary>An independent check of the documented scheme: hex HMAC-SHA256 of "{timestamp}.{body}" keyed by the secret.</summary>
    private static bool SignatureHolds(ReceivedWebhook received, string secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = "v1=" + string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(received.Timestamp + "." + received.Body)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received.Signature ?? ""));
    }

    [Fact]
    public async Task Received_message_is_posted_signed_with_the_endpoint_secret()
    {
        var (client, tenant) = await TenantAsync();
        var path = NewPath();
        var endpoint = await SubscribeAsync(client, path, "message.received");
        var secret = endpoint["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        await App.CustomerWritesAsync(tenant, NewCustomer(), $"wamid.{Guid.NewGuid():N}", "Hello hooks");

        var received = await Eventually.GetAsync(() => Task.FromResult(Receiver.At(path)), r => r.Count >= 1, what: "the webhook");
        var post = Assert.Single(received);
        Assert.True(SignatureHolds(post, secret), "the signature verifies with the endpoint's secret");
        Assert.False(SignatureHolds(post, secret + "x"), "another secret does not verify");
        Assert.InRange(long.Parse(post.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());

        var body = JsonNode.Parse(post.Body)!;
        Assert.Equal(post.Id, body["id"]!.GetValue<string>());
        Assert.Matches("^msg_[0-9a-f-]{36}_received$", post.Id!);
        Assert.Equal("message.received", body["type"]!.GetValue<string>());
        Assert.Equal(tenant.BusinessId, body["businessId"]!.GetValue<Guid>());
        Assert.NotNull(body["createdAt"]);
        Assert.Equal("Hello hooks", body["data"]!["body"]!.GetValue<string>());

        // The secret is shown once.
        var shown = await client.GetFromJsonAsync<JsonNode>($"/api/webhooks/endpoints/{endpoint["id"]}");
        Assert.Null(shown!["secret"]);
    }

    [Fact]
    public async Task Receiver_down_then_up_gets_every_event_and_retries_carry_the_same_id()
    {
        var (client, tenant) = await TenantAsync();
        var path = NewPath();
        var endpoint = await SubscribeAsync(client, path, "message.received");
        Receiver.Down(path, 503);

        var customer = NewCustomer();
        for (var i = 0; i < 5; i++)
        {
            await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", $"Message {i}");
        }

        await Eventually.GetAsync(
            () => Task.FromResult(Receiver.At(path).Where(r => r.StatusCode == 503).Select(r => r.Id).Distinct().Count()),
            n => n == 5, what: "every event tried while down");
        Receiver.Down(path, 500);
        await Task.Delay(500);
        Receiver.Up(path);

        var accepted = await Eventually.GetAsync(
            () => Task.FromResult(Receiver.AcceptedAt(path)), a => a.Select(e => e["id"]!.GetValue<string>()).Distinct().Count() == 5,
            what: "every event delivered once up");
        var acceptedIds = accepted.Select(e => e["id"]!.GetValue<string>()).ToHashSet();
        var failedIds = Receiver.At(path).Where(r => r.StatusCode >= 500).Select(r => r.Id!).ToHashSet();
        Assert.Subset(acceptedIds, failedIds);
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => $"Message {i}").Order(),
            accepted.GroupBy(e => e["id"]!.GetValue<string>()).Select(g => g.First()["data"]!["body"]!.GetValue<string>()).Order());

        var log = await client.GetFromJsonAsync<JsonNode>($"/api/webhooks/endpoints/{endpoint["id"]}/deliveries");
        var items = log!["items"]!.AsArray();
        Assert.Equal(5, items.Count);
        Assert.All(items, item =>
        {
            Assert.Equal("delivered", item!["status"]!.GetValue<string>());
            Assert.Equal(200, item["lastStatusCode"]!.GetValue<int>());
            Assert.True(item["attempts"]!.GetValue<int>() >= 2);
        });
    }

    [Fact]
    public async Task Only_the_subscribed_event_types_are_sent()
    {
        var (client, tenant) = await TenantAsync();
        var bookingsPath = NewPath();
        var messagesPath = NewPath();
        var bookingsEndpoint = await SubscribeAsync(client, bookingsPath, "booking.created", "payment.received");
        await SubscribeAsync(client, messagesPath, "message.received");

        await App.CustomerWritesAsync(tenant, NewCustomer(), $"wamid.{Guid.NewGuid():N}", "Only for messages");
        await Eventually.GetAsync(() => Task.FromResult(Receiver.AcceptedAt(messagesPath)), a => a.Count == 1, what: "the message event");

        // The other endpoint is live (a ping arrives) but got nothing else.
        using var ping = await client.PostAsync($"/api/webhooks/endpoints/{bookingsEndpoint["id"]}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        var got = await Eventually.GetAsync(() => Task.FromResult(Receiver.AcceptedAt(bookingsPath)), a => a.Count >= 1, what: "the ping");
        Assert.Equal(["ping"], got.Select(e => e["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Another_business_neither_sees_nor_feeds_an_endpoint()
    {
        var (owner, _) = await TenantAsync();
        var (stranger, strangerTenant) = await TenantAsync();
        var path = NewPath();
        var endpoint = await SubscribeAsync(owner, path, "message.received");
        var id = endpoint["id"]!.GetValue<Guid>();

        Assert.Empty((await stranger.GetFromJsonAsync<JsonArray>("/api/webhooks/endpoints"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/webhooks/endpoints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PatchAsJsonAsync($"/api/webhooks/endpoints/{id}", new { enabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/webhooks/endpoints/{id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/webhooks/endpoints/{id}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/webhooks/endpoints/{id}")).StatusCode);

        // The stranger's customers' messages do not reach the owner's endpoint.
        await App.CustomerWritesAsync(strangerTenant, NewCustomer(), $"wamid.{Guid.NewGuid():N}", "Not yours");
        await Task.Delay(1000);
        using var ping = await owner.PostAsync($"/api/webhooks/endpoints/{id}/test", null);
        var got = await Eventually.GetAsync(() => Task.FromResult(Receiver.AcceptedAt(path)), a => a.Count >= 1, what: "the ping");
        Assert.Equal(["ping"], got.Select(e => e["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Endpoint_failing_for_the_window_is_disabled_the_owner_told_and_it_can_be_enabled_again()
    {
        var (client, tenant) = await TenantAsync();
        var path = NewPath();
        var endpoint = await SubscribeAsync(client, path, "message.received");
        var id = endpoint["id"]!.GetValue<Guid>();
        Receiver.Down(path, 500);
        await App.CustomerWritesAsync(tenant, NewCustomer(), $"wamid.{Guid.NewGuid():N}", "Into the void");

        var disabled = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonNode>($"/api/webhooks/endpoints/{id}"))!,
            e => !e["enabled"]!.GetValue<bool>(), within: TimeSpan.FromSeconds(20), what: "the endpoint disabled");
        Assert.Equal("failing", disabled["disabledReason"]!.GetValue<string>());
        // The owners are told right after the endpoint is disabled, in the same pass.
        Assert.Equal(1L, await Eventually.GetAsync(
            () => fixture.Database.ScalarAsync<long>(
                "SELECT count(*) FROM notifications WHERE business_id = @b AND kind = 'webhook_disabled'", ("b", tenant.BusinessId)),
            count => count >= 1, what: "the owner's notification"));

        // Disabled: nothing more is tried.
        await Task.Delay(1000);
        var triedWhileDisabled = Receiver.At(path).Count;
        await Task.Delay(1000);
        Assert.Equal(triedWhileDisabled, Receiver.At(path).Count);

        Receiver.Up(path);
        using var enable = await client.PatchAsJsonAsync($"/api/webhooks/endpoints/{id}", new { enabled = true, rotateSecret = true });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var enabled = (await enable.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.True(enabled["enabled"]!.GetValue<bool>());
        var newSecret = enabled["secret"]!.GetValue<string>();
        Assert.NotEqual(endpoint["secret"]!.GetValue<string>(), newSecret);

        var delivered = await Eventually.GetAsync(
            () => Task.FromResult(Receiver.At(path).Where(r => r.StatusCode == 200).ToList()), a => a.Count >= 1, what: "the waiting event delivered");
        Assert.True(SignatureHolds(delivered[0], newSecret));
        Assert.Equal("Into the void", JsonNode.Parse(delivered[0].Body)!["data"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handling_resolution_replies_and_bookings_become_their_events()
    {
        var (client, tenant) = await TenantAsync();
        var path = NewPath();
        await SubscribeAsync(client, path, [.. WebhookEventTypes.All]);
        var customer = NewCustomer();
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "I need a person");
        var conversation = ConversationIds.For(tenant.BusinessId, customer);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/conversations/{conversation}/takeover", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/messages", new { conversationId = conversation, text = "Here I am" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/conversations/{conversation}/status", new { status = "resolved" })).StatusCode);

        var customerId = await Bookings.RecordsFixture.CreateCustomerAsync(client);
        var service = await fixture.Database.ScalarAsync<Guid>("SELECT id FROM services WHERE business_id = @b", ("b", tenant.BusinessId));
        using var booked = await client.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId, start = Bookings.RecordsFixture.At(DateTimeOffset.UtcNow.AddDays(3)) });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = (await booked.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<Guid>();
        Assert.True((await client.DeleteAsync($"/api/bookings/{booking}")).IsSuccessStatusCode);

        string[] expected =
        [
            "message.received", "conversation.handed_off", "conversation.assigned", "message.sent", "conversation.resolved",
            "booking.created", "booking.cancelled",
        ];
        var types = await Eventually.GetAsync(
            () => Task.FromResult(Receiver.AcceptedAt(path).Select(e => e["type"]!.GetValue<string>()).ToHashSet()),
            t => expected.All(t.Contains), what: "every kind of event");
        var events = Receiver.AcceptedAt(path);
        Assert.Equal(events.Count, events.Select(e => e["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(conversation, events.Single(e => e["type"]!.GetValue<string>() == "conversation.resolved")["data"]!["conversationId"]!.GetValue<Guid>());
        Assert.Equal(booking, events.Single(e => e["type"]!.GetValue<string>() == "booking.cancelled")["data"]!["bookingId"]!.GetValue<Guid>());
        Assert.DoesNotContain("ping", types);
    }

    [Fact]
    public async Task Invalid_subscriptions_are_problems_naming_the_field()
    {
        var (client, _) = await TenantAsync();
        using var badUrl = await client.PostAsJsonAsync("/api/webhooks/endpoints", new { url = "not a url", eventTypes = new[] { "message.received" } });
        Assert.Equal(HttpStatusCode.BadRequest, badUrl.StatusCode);
        Assert.NotNull((await badUrl.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!["url"]);

        using var badType = await client.PostAsJsonAsync("/api/webhooks/endpoints", new { url = "https://example.test/hook", eventTypes = new[] { "message.exploded" } });
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.NotNull((await badType.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!["eventTypes"]);

        using var ftp = await client.PostAsJsonAsync("/api/webhooks/endpoints", new { url = "ftp://example.test/hook", eventTypes = new[] { "ping" } });
        Assert.Equal(HttpStatusCode.BadRequest, ftp.StatusCode);
    }
}
