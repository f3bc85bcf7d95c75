using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Infrastructure.Platform;

namespace Conversations.WebFrontend.Tests.Assistant;

/// <summary>Platform administrators suspending a business: webhooks still stored, the assistant silent, nobody logged in.</summary>
[Collection(AssistantCollection.Name)]
public sealed class PlatformAdministrationTests(AssistantFixture fixture)
{
    [Fact]
    public async Task A_suspended_business_keeps_its_messages_but_nobody_answers_or_logs_in_until_it_is_reactivated()
    {
        var email = $"ops-{Guid.NewGuid():N}@platform.test";
        await fixture.App.Service<PlatformAdmins>().EnsureAsync(email, "Ops", "a long platform password", CancellationToken.None);
        using var wrong = await fixture.App.CreateClient().PostAsJsonAsync("/api/platform/login", new { email, password = "not it at all" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var admin = await PlatformClientAsync(email, "a long platform password");

        var (tenant, owner) = await fixture.OpenBusinessAsync("Suspended Salon");
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/platform/businesses?q=Suspended%20Salon");
        Assert.Contains(listed.EnumerateArray(), b => b.GetProperty("id").GetGuid() == tenant.BusinessId);

        // Tokens of one kind never open the other kind's endpoints.
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/conversations")).StatusCode);
        Assert.Contains((await owner.GetAsync("/api/platform/businesses")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });

        using (var noReason = await admin.PostAsJsonAsync($"/api/platform/businesses/{tenant.BusinessId}/suspend", new { reason = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        (await admin.PostAsJsonAsync($"/api/platform/businesses/{tenant.BusinessId}/suspend", new { reason = "Unpaid invoices" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync("/api/conversations")).StatusCode);
        using (var login = await fixture.App.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = tenant.OwnerEmail, password = tenant.OwnerPassword }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        }

        var customer = AssistantFixture.NewCustomer();
        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "Hello, are you open?");
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE conversation_id = @c", ("c", conversation)));
        await Task.Delay(1500);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM messages WHERE conversation_id = @c AND sender = 'assistant'", ("c", conversation)));

        (await admin.PostAsync($"/api/platform/businesses/{tenant.BusinessId}/reactivate", null)).EnsureSuccessStatusCode();
        using var again = await fixture.App.ClientOfAsync(tenant);
        await fixture.CustomerWritesAsync(tenant, customer, "Hello again");
        var reply = (await AssistantFixture.AssistantRepliesAsync(again, conversation, 1)).Single();
        Assert.Contains("Welcome to Suspended Salon", AssistantFixture.Body(reply));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/platform/businesses/{Guid.NewGuid()}/reactivate", null)).StatusCode);
    }

    private async Task<HttpClient> PlatformClientAsync(string email, string password)
    {
        var client = fixture.App.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/platform/login", new { email, password });
        login.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }
}
