using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Inbox;

[Collection(AppCollection.Name)]
public sealed class WebPushTests(AppFixture fixture) : IAsyncLifetime
{
    private readonly FakePushService pushService = new();

    private ConversationsApp App => fixture.App;

    public Task InitializeAsync() => pushService.StartAsync();

    public async Task DisposeAsync() => await pushService.DisposeAsync();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task A_subscribed_browser_gets_the_notification_through_its_push_service_until_the_service_forgets_it()
    {
        var tenant = await App.CreateTenantAsync("Web push");
        var accounts = new AccountsClient(App);
        var owner = await accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        var agent = await accounts.NewEmployeeAsync(owner, "agent");
        using var agentClient = App.CreateClient();
        agentClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agent.AccessToken);
        using var ownerClient = await App.ClientOfAsync(tenant);
        await App.CustomerWritesAsync(tenant, "34600300001", "wamid.push1", "Hola");
        var conversation = ConversationIds.For(tenant.BusinessId, "34600300001");

        var key = (await agentClient.GetFromJsonAsync<JsonElement>("/api/notifications/vapid-public-key")).GetProperty("key").GetString()!;
        Assert.Equal(87, key.Length); // base64url of the 65-byte uncompressed P-256 point

        using var browserKey = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = browserKey.ExportParameters(false).Q;
        var endpoint = $"{pushService.BaseUrl}/push/{Guid.NewGuid():N}";
        using (var subscribed = await agentClient.PostAsJsonAsync("/api/notifications/subscribe", new
        {
            endpoint,
            keys = new { p256dh = Base64Url([0x04, .. point.X!, .. point.Y!]), auth = Base64Url(RandomNumberGenerator.GetBytes(16)) },
        }))
        {
            Assert.Equal(HttpStatusCode.NoContent, subscribed.StatusCode);
        }

        (await ownerClient.PostAsJsonAsync("/api/notes", new { conversationId = conversation, body = "look", mentions = new[] { agent.Employee.Id } })).EnsureSuccessStatusCode();

        var delivered = await Eventually.GetAsync(() => Task.FromResult(pushService.Requests.ToList()), r => r.Count == 1, what: "the push message");
        Assert.StartsWith("vapid t=", delivered[0].Authorization, StringComparison.Ordinal);
        Assert.NotEmpty(delivered[0].Body);
        Assert.DoesNotContain("mention", delivered[0].Body, StringComparison.Ordinal); // encrypted for the browser

        pushService.FailNext((410, ""));
        (await ownerClient.PostAsJsonAsync("/api/notes", new { conversationId = conversation, body = "again", mentions = new[] { agent.Employee.Id } })).EnsureSuccessStatusCode();
        await Eventually.GetAsync(
            () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM push_subscriptions WHERE endpoint = @e", ("e", endpoint)),
            count => count == 0, what: "the forgotten subscription to go");
    }

    [Fact]
    public async Task Subscriptions_are_validated()
    {
        var tenant = await App.CreateTenantAsync("Web push validation");
        using var client = await App.ClientOfAsync(tenant);

        using var response = await client.PostAsJsonAsync("/api/notifications/subscribe", new { endpoint = "http://push.example.com/x", keys = new { p256dh = "abc", auth = "" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("endpoint", out _));
        Assert.True(errors.TryGetProperty("keys.p256dh", out _));
        Assert.True(errors.TryGetProperty("keys.auth", out _));
    }
}
