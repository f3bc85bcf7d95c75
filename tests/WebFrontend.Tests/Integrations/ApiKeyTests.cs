using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conversations.Grains.Interfaces;

namespace Conversations.WebFrontend.Tests.Integrations;

[Collection(AppCollection.Name)]
public sealed class ApiKeyTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private static string NewCustomer() => $"3461{Random.Shared.Next(1_000_000, 9_999_999)}";

    private static async Task<JsonNode> CreateKeyAsync(HttpClient owner, params string[] scopes)
    {
        using var response = await owner.PostAsJsonAsync("/api/api-keys", new { name = "CRM sync", scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    private HttpClient WithBearer(string key)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private HttpClient WithHeader(string key)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task Key_reads_conversations_and_sends_messages_within_its_scopes_only()
    {
        var tenant = await App.CreateTenantAsync("Keys shop");
        var owner = await App.ClientOfAsync(tenant);
        var customer = NewCustomer();
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Hi from the CRM test");
        var conversationId = ConversationIds.For(tenant.BusinessId, customer);

        var created = await CreateKeyAsync(owner, "conversations:read", "messages:send");
        var key = created["key"]!.GetValue<string>();
        Assert.StartsWith("ck_", key, StringComparison.Ordinal);

        // Shown once: the list has the prefix, never the key.
        var listed = (await owner.GetFromJsonAsync<JsonArray>("/api/api-keys"))!;
        Assert.Null(Assert.Single(listed)!["key"]);
        Assert.StartsWith(listed[0]!["prefix"]!.GetValue<string>(), key, StringComparison.Ordinal);

        using var headerClient = WithHeader(key);
        using var read = await headerClient.GetAsync($"/api/conversations/{conversationId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        using var bearerClient = WithBearer(key);
        using var sent = await bearerClient.PostAsJsonAsync("/api/messages", new { conversationId, text = "Sent by the integration" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        // Outside its scopes, and on routes closed to keys: 403 naming the scope.
        using var bookings = await bearerClient.GetAsync("/api/bookings");
        Assert.Equal(HttpStatusCode.Forbidden, bookings.StatusCode);
        Assert.NotNull((await bookings.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!["scope"]);
        using var keysApi = await bearerClient.GetAsync("/api/api-keys");
        Assert.Equal(HttpStatusCode.Forbidden, keysApi.StatusCode);
        using var webhooks = await bearerClient.GetAsync("/api/webhooks/endpoints");
        Assert.Equal(HttpStatusCode.Forbidden, webhooks.StatusCode);
    }

    [Fact]
    public async Task Key_without_the_scope_is_refused()
    {
        var tenant = await App.CreateTenantAsync("Keys shop");
        var owner = await App.ClientOfAsync(tenant);
        var customer = NewCustomer();
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Hello");
        var conversationId = ConversationIds.For(tenant.BusinessId, customer);
        var key = (await CreateKeyAsync(owner, "bookings:read"))["key"]!.GetValue<string>();

        using var client = WithBearer(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/bookings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/conversations")).StatusCode);
        using var send = await client.PostAsJsonAsync("/api/messages", new { conversationId, text = "Not allowed" });
        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        using var book = await client.PostAsJsonAsync("/api/bookings", new { });
        Assert.Equal(HttpStatusCode.Forbidden, book.StatusCode);
    }

    [Fact]
    public async Task Revoked_or_unknown_key_is_refused_and_another_business_cannot_revoke()
    {
        var tenant = await App.CreateTenantAsync("Keys shop");
        var owner = await App.ClientOfAsync(tenant);
        var created = await CreateKeyAsync(owner, "conversations:read");
        var key = created["key"]!.GetValue<string>();
        using var client = WithBearer(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/conversations")).StatusCode);

        var stranger = await App.ClientOfAsync(await App.CreateTenantAsync("Other shop"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/api-keys/{created["id"]}")).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonArray>("/api/api-keys"))!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/conversations")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/api-keys/{created["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/conversations")).StatusCode);
        using var unknown = WithHeader("ck_" + new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/api/conversations")).StatusCode);
    }

    [Fact]
    public async Task Invalid_key_requests_are_problems_naming_the_field()
    {
        var owner = await App.ClientOfAsync(await App.CreateTenantAsync("Keys shop"));
        using var response = await owner.PostAsJsonAsync("/api/api-keys", new { name = "", scopes = new[] { "everything" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!;
        Assert.NotNull(errors["name"]);
        Assert.NotNull(errors["scopes"]);
    }
}
