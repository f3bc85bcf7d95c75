using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Conversations.WebFrontend.Tests.Integrations;

/// <summary>In the webhooks app, whose keys may make 5 requests a minute.</summary>
[Collection(WebhooksCollection.Name)]
public sealed class ApiKeyRateLimitTests(WebhooksFixture fixture)
{
    [Fact]
    public async Task A_key_beyond_its_limit_is_told_to_wait_while_another_key_and_people_are_not()
    {
        var tenant = await fixture.App.CreateTenantAsync("Busy integration");
        var owner = await fixture.App.ClientOfAsync(tenant);
        async Task<HttpClient> KeyClientAsync()
        {
            using var created = await owner.PostAsJsonAsync("/api/api-keys", new { name = "sync", scopes = new[] { "conversations:read" } });
            var client = fixture.App.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer", (await created.Content.ReadFromJsonAsync<JsonNode>())!["key"]!.GetValue<string>());
            return client;
        }

        using var busy = await KeyClientAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/conversations")).StatusCode);
        }

        using var limited = await busy.GetAsync("/api/conversations");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);

        using var other = await KeyClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/conversations")).StatusCode);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/conversations")).StatusCode);
        }
    }
}
