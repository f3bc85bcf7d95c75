using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;

namespace Conversations.WebFrontend.Tests.Inbox;

/// <summary>The first version's route names, with the conversation in the body, still work.</summary>
[Collection(AppCollection.Name)]
public sealed class SeedRoutesTests(AppFixture fixture)
{
    [Fact]
    public async Task Takeover_and_assignment_by_body_do_what_the_conversation_routes_do()
    {
        var tenant = await fixture.App.CreateTenantAsync("Seed routes");
        var accounts = new AccountsClient(fixture.App);
        var owner = await accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        var agent = await accounts.NewEmployeeAsync(owner, "agent");
        using var client = await fixture.App.ClientOfAsync(tenant);
        var customer = $"3478{Random.Shared.Next(1_000_000, 9_999_999)}";
        await fixture.App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Hola");
        var conversation = ConversationIds.For(tenant.BusinessId, customer);

        using (var missing = await client.PostAsJsonAsync("/api/conversations/takeover", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("conversationId", out _));
        }

        var taken = await (await client.PostAsJsonAsync("/api/conversations/takeover", new { conversationId = conversation })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("human", taken.GetProperty("mode").GetString());

        var assigned = await client.PostAsJsonAsync("/api/assignments", new { conversationId = conversation, employeeId = agent.Employee.Id });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(agent.Employee.Id, (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assigneeId").GetGuid());

        var released = await (await client.PostAsJsonAsync("/api/conversations/takeover", new { conversationId = conversation, action = "release" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ai", released.GetProperty("mode").GetString());

        using var stranger = await fixture.App.ClientOfAsync(await fixture.App.CreateTenantAsync("Stranger"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync("/api/conversations/takeover", new { conversationId = conversation })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync("/api/assignments", new { conversationId = conversation, employeeId = agent.Employee.Id })).StatusCode);
    }

    [Fact]
    public async Task The_business_context_shows_what_the_assistant_works_from()
    {
        var tenant = await fixture.App.CreateTenantAsync("Context shop");
        using var client = await fixture.App.ClientOfAsync(tenant);
        var context = await client.GetFromJsonAsync<JsonElement>("/api/context");
        Assert.Equal("Context shop", context.GetProperty("businessName").GetString());
        Assert.Equal("Reading", Assert.Single(context.GetProperty("services").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("offline", context.GetProperty("assistant").GetProperty("provider").GetString());
        Assert.Equal(0, context.GetProperty("knowledgeArticles").GetInt64());
    }
}
