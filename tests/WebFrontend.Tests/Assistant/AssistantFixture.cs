using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Assistant;

/// <summary>
/// An app with the assistant on, and a fake OpenAI-compatible server for the businesses that use a model.
/// Each test makes its own tenants (and its own model ids, which the fake scripts by).
/// </summary>
public sealed class AssistantFixture : IAsyncLifetime
{
    public const string PricedModel = "priced-model";

    public TestDatabase Database { get; private set; } = null!;

    public ConversationsApp App { get; private set; } = null!;

    public FakeOpenAiServer Model { get; } = new();

    /// <summary>Meta's Graph API, for the tests that need a number with credentials (media to fetch).</summary>
    public FakeMetaGraphApi Meta { get; } = new();

    public async Task InitializeAsync()
    {
        await Model.StartAsync();
        await Meta.StartAsync();
        Database = await TestDatabase.CreateAsync();
        App = new ConversationsApp(Database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Conversations:Assistant:Enabled"] = "true",
            ["Conversations:Assistant:ModelTimeout"] = "00:00:20",
            ["Conversations:Assistant:RetryDelay"] = "00:00:00.100",
            [$"Conversations:Assistant:Prices:{PricedModel}:InputPerMillion"] = "2",
            [$"Conversations:Assistant:Prices:{PricedModel}:OutputPerMillion"] = "10",
            ["Conversations:Voice:PricePerMinute:whisper-test"] = "0.006",
            ["Conversations:Meta:GraphBaseUrl"] = Meta.BaseUrl,
        });
        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
        await Model.DisposeAsync();
        await Meta.DisposeAsync();
    }

    /// <summary>A business open 08:00–20:00 every day (UTC), with its owner's client.</summary>
    public async Task<(TestTenant Tenant, HttpClient Owner)> OpenBusinessAsync(string name)
    {
        var tenant = await App.CreateTenantAsync(name);
        var owner = await App.ClientOfAsync(tenant);
        var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
        using var hours = await owner.PutAsJsonAsync(
            "/api/availability/hours", new { weeklyHours = days.Select(d => new { weekday = d, opens = "08:00", closes = "20:00" }) });
        hours.EnsureSuccessStatusCode();
        return (tenant, owner);
    }

    /// <summary>Points the business's assistant at the fake server with its own model id.</summary>
    public async Task UseModelAsync(HttpClient owner, string model, string apiKey = "sk-test-key")
    {
        using var response = await owner.PatchAsJsonAsync(
            "/api/settings/ai", new { provider = "openai", baseUrl = Model.Endpoint, model, apiKey });
        response.EnsureSuccessStatusCode();
    }

    public static string NewCustomer() => $"4477{Random.Shared.Next(1_000_000, 9_999_999)}";

    /// <summary>The customer writes; returns the conversation id.</summary>
    public async Task<Guid> CustomerWritesAsync(TestTenant tenant, string customer, string text)
    {
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", text);
        return ConversationIds.For(tenant.BusinessId, customer);
    }

    public static async Task<IReadOnlyList<JsonElement>> MessagesAsync(HttpClient client, Guid conversationId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/messages?conversationId={conversationId}&limit=200");
        return page.GetProperty("messages").EnumerateArray().Select(m => m.Clone()).ToList();
    }

    /// <summary>Waits until the assistant has sent at least <paramref name="count"/> messages in the conversation.</summary>
    public static Task<IReadOnlyList<JsonElement>> AssistantRepliesAsync(HttpClient client, Guid conversationId, int count, TimeSpan? within = null) =>
        Eventually.GetAsync(
            async () => (IReadOnlyList<JsonElement>)(await MessagesAsync(client, conversationId)).Where(m => m.GetProperty("sender").GetString() == "assistant").ToList(),
            replies => replies.Count >= count,
            within ?? TimeSpan.FromSeconds(20),
            $"{count} assistant replies");

    public static string Body(JsonElement message) => message.GetProperty("body").GetString() ?? "";

    public HttpClient Client(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class AssistantCollection : ICollectionFixture<AssistantFixture>
{
    public const string Name = "assistant";
}
