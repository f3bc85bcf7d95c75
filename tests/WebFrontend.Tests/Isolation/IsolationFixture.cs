using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>Its own app and database, and the world of <see cref="TenantWorld"/> made once through the API.</summary>
public sealed class IsolationFixture : IAsyncLifetime
{
    private readonly AppFixture app = new();

    public ConversationsApp App => app.App;

    public TenantWorld World { get; private set; } = null!;

    public TestTenant TenantA { get; private set; } = null!;

    public TestTenant TenantB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await app.InitializeAsync();
        var accounts = new AccountsClient(App);
        var marker = $"Secreta{Guid.NewGuid():N}"[..20];

        TenantA = await App.CreateTenantAsync($"A {marker}");
        var owner = await accounts.LoginAsync(TenantA.OwnerEmail, TenantA.OwnerPassword);
        var viewer = await accounts.NewEmployeeAsync(owner, "viewer");
        TenantB = await App.CreateTenantAsync("B");
        var otherOwner = await accounts.LoginAsync(TenantB.OwnerEmail, TenantB.OwnerPassword);

        using var a = Client(owner.AccessToken);
        var waId = "34600" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await App.CustomerWritesAsync(TenantA, waId, $"wamid.{Guid.NewGuid():N}", $"Hola, soy {marker}");
        var conversationId = ConversationIds.For(TenantA.BusinessId, waId);
        var messages = await BodyAsync(await a.GetAsync($"/api/messages?conversationId={conversationId}"));
        var message = messages.GetProperty("messages")[0];

        var mediaId = Guid.NewGuid();
        await ExecuteAsync(
            "INSERT INTO media_files (id, business_id, mime_type, size_bytes, sha256, bytes) VALUES (@id, @b, 'image/jpeg', 3, 'x', '\\x010203')",
            ("id", mediaId), ("b", TenantA.BusinessId));

        var customer = await CreateAsync(a, "/api/customers", new { name = $"Alicia {marker}", phone = "+34699000123" });
        var segment = await CreateAsync(a, "/api/customers/segments", new { name = $"Segment {marker}" });
        var service = await CreateAsync(a, "/api/services", new { name = $"Tarot {marker}"[..20], priceMinor = 4500, currency = "EUR", durationMinutes = 60 });
        var booking = await CreateAsync(a, "/api/bookings", new { serviceId = service, customerId = customer, start = "2027-04-01T10:00:00Z" });
        var note = await CreateAsync(a, "/api/notes", new { conversationId, body = $"Note {marker}", mentions = new[] { viewer.Employee.Id } });
        var canned = await CreateAsync(a, "/api/canned-responses", new { shortcode = "hello", title = $"Hello {marker}", body = "Hola {{customer.name}}" });
        var article = await CreateAsync(a, "/api/knowledge", new { title = $"Opening hours {marker}", body = "We open at nine.", isPublished = true });
        var template = await CreateAsync(a, "/api/templates", new { flowState = "greeting", name = $"Greeting {marker}", body = "Hola {{customer.name}}." });
        var role = await CreateAsync(a, "/api/roles", new { name = "a-desk", permissions = new[] { "conversations.read" } });
        var apiKey = await CreateAsync(a, "/api/api-keys", new { name = $"Key {marker}", scopes = new[] { "bookings:read" } });
        var endpoint = await CreateAsync(a, "/api/webhooks/endpoints", new { url = "https://a.example.test/hook", description = $"Hook {marker}", eventTypes = new[] { "payment.received" } });
        var rule = await CreateAsync(a, "/api/automation/rules", new
        {
            name = $"Rule {marker}", trigger = "message_received", conditions = new[] { new { kind = "text_contains", value = "zzz-never" } },
            actions = new[] { new { kind = "add_label", value = "never" } },
        });
        var macro = await CreateAsync(a, "/api/macros", new { name = $"Macro {marker}", actions = new[] { new { kind = "add_label", value = "vip" } } });
        var slaPolicy = await CreateAsync(a, "/api/sla-policies", new { name = $"SLA {marker}", firstResponseMinutes = 600 });
        var channels = await BodyAsync(await a.GetAsync("/api/settings/whatsapp"));
        var notifications = await BodyAsync(await Client(viewer.AccessToken).GetAsync("/api/notifications"));

        World = new TenantWorld(
            TenantA.BusinessId, marker, conversationId, message.GetProperty("sequence").GetInt64(), message.GetProperty("id").GetGuid(), mediaId,
            customer, segment, service, booking, note, canned, article, template, channels[0].GetProperty("id").GetGuid(), viewer.Employee.Id,
            role, "a-desk", owner.SessionId, notifications[0].GetProperty("id").GetGuid(), apiKey, endpoint, otherOwner.Employee.Id,
            rule, macro, slaPolicy, owner, viewer, otherOwner);
    }

    public Task DisposeAsync() => app.DisposeAsync();

    public HttpClient Client(string accessToken)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = app.Database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.BodyAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
            return await response.BodyAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class IsolationCollection : ICollectionFixture<IsolationFixture>
{
    public const string Name = "isolation";
}
