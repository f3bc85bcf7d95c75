using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.WebFrontend.Tests.Channels;

namespace Conversations.WebFrontend.Tests.Inbox;

[Collection(AppCollection.Name)]
public sealed class AgentJoinedTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    [Fact]
    public async Task When_the_business_wants_it_the_customer_is_told_that_an_agent_joined()
    {
        var tenant = await App.CreateTenantAsync("Announce");
        using var owner = await App.ClientOfAsync(tenant);
        await App.CustomerWritesAsync(tenant, "34600400001", "wamid.join1", "Hola");
        await App.CustomerWritesAsync(tenant, "34600400002", "wamid.join2", "Hola");
        var quiet = ConversationIds.For(tenant.BusinessId, "34600400001");
        var announced = ConversationIds.For(tenant.BusinessId, "34600400002");

        Assert.False((await owner.GetFromJsonAsync<JsonElement>("/api/settings/workspace")).GetProperty("announceAgentJoined").GetBoolean());
        (await owner.PostAsync($"/api/conversations/{quiet}/takeover", null)).EnsureSuccessStatusCode();
        Assert.Single(await Transcript.ReadAsync(owner, quiet));

        using (var enabled = await owner.PatchAsJsonAsync("/api/settings/workspace", new { announceAgentJoined = true }))
        {
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        }

        (await owner.PostAsync($"/api/conversations/{announced}/takeover", null)).EnsureSuccessStatusCode();
        var notice = (await Transcript.ReadAsync(owner, announced))[^1];
        Assert.Equal("system", notice.Text("sender"));
        Assert.Equal("Owner has joined the conversation.", notice.Text("body"));
    }
}
