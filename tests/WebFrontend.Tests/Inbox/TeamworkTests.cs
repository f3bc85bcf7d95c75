using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.WebFrontend.Tests.Inbox;

[Collection(AppCollection.Name)]
public sealed class TeamworkTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private HttpClient Client(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<(TestTenant Tenant, HttpClient Owner, AccountsClient.Tokens Agent, Guid Conversation)> SetUpAsync(string name)
    {
        var tenant = await App.CreateTenantAsync(name);
        var accounts = new AccountsClient(App);
        var owner = await accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        var agent = await accounts.NewEmployeeAsync(owner, "agent");
        await App.CustomerWritesAsync(tenant, "34655500011", $"wamid.{Guid.NewGuid():N}", "Hola");
        return (tenant, Client(owner.AccessToken), agent, ConversationIds.For(tenant.BusinessId, "34655500011"));
    }

    [Fact]
    public async Task A_note_with_a_mention_notifies_the_colleague_live_and_in_the_list()
    {
        var (_, owner, agent, conversation) = await SetUpAsync("Mentions");
        await using var hub = await App.ConnectHubAsync(agent.AccessToken);
        var live = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("Notification", n => live.Writer.TryWrite(n.Clone()));

        using var created = await owner.PostAsJsonAsync("/api/notes", new { conversationId = conversation, body = "@agent please call her back", mentions = new[] { agent.Employee.Id } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var pushed = await live.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("mention", pushed.GetProperty("kind").GetString());
        Assert.Equal(conversation, pushed.GetProperty("conversationId").GetGuid());

        using var agentClient = Client(agent.AccessToken);
        var unread = await agentClient.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true");
        var notification = Assert.Single(unread.EnumerateArray());
        using (var read = await agentClient.PostAsync($"/api/notifications/{notification.GetProperty("id").GetGuid()}/read", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }

        Assert.Empty((await agentClient.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true")).EnumerateArray());
        var notes = await agentClient.GetFromJsonAsync<JsonElement>($"/api/notes?conversationId={conversation}");
        Assert.Equal("@agent please call her back", Assert.Single(notes.EnumerateArray()).GetProperty("body").GetString());
    }

    [Fact]
    public async Task Notes_are_edited_by_their_author_only_and_deleted_notes_disappear()
    {
        var (_, owner, agent, conversation) = await SetUpAsync("Note rules");
        using var agentClient = Client(agent.AccessToken);
        using var created = await owner.PostAsJsonAsync("/api/notes", new { conversationId = conversation, body = "first draft" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var byOther = await agentClient.PatchAsJsonAsync($"/api/notes/{id}", new { body = "hijacked" });
        using var byAuthor = await owner.PatchAsJsonAsync($"/api/notes/{id}", new { body = "final" });
        using var removed = await owner.DeleteAsync($"/api/notes/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal("final", (await byAuthor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>($"/api/notes?conversationId={conversation}")).EnumerateArray());
    }

    [Fact]
    public async Task Notes_validate_their_input_and_stay_within_the_business()
    {
        var (_, owner, _, conversation) = await SetUpAsync("Note validation");
        var (_, stranger, strangerAgent, _) = await SetUpAsync("Note stranger");

        using var empty = await owner.PostAsJsonAsync("/api/notes", new { conversationId = conversation, body = " " });
        using var foreignMention = await owner.PostAsJsonAsync("/api/notes", new { conversationId = conversation, body = "hi", mentions = new[] { strangerAgent.Employee.Id } });
        using var foreignConversation = await stranger.PostAsJsonAsync("/api/notes", new { conversationId = conversation, body = "hi" });
        using var foreignList = await stranger.GetAsync($"/api/notes?conversationId={conversation}");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignMention.StatusCode);
        Assert.True((await foreignMention.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("mentions", out _));
        Assert.Equal(HttpStatusCode.NotFound, foreignConversation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignList.StatusCode);
    }

    [Fact]
    public async Task Assigning_a_conversation_notifies_the_assignee()
    {
        var (_, owner, agent, conversation) = await SetUpAsync("Assignment notice");

        using (var assigned = await owner.PostAsJsonAsync($"/api/conversations/{conversation}/assign", new { employeeId = agent.Employee.Id }))
        {
            assigned.EnsureSuccessStatusCode();
        }

        using var agentClient = Client(agent.AccessToken);
        var notification = Assert.Single((await agentClient.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray());
        Assert.Equal("assignment", notification.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Canned_responses_render_variables_and_count_their_uses()
    {
        var (_, owner, agent, conversation) = await SetUpAsync("Canned");
        using var agentClient = Client(agent.AccessToken);

        using var created = await owner.PostAsJsonAsync("/api/canned-responses", new { shortcode = "/price", title = "Prices", body = "Hola {{customer.name}}, una lectura cuesta 35 €. — {{agent.name}}, {{business.name}}" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var duplicate = await owner.PostAsJsonAsync("/api/canned-responses", new { shortcode = "price", title = "Again", body = "x" });
        using var unknownVariable = await owner.PostAsJsonAsync("/api/canned-responses", new { shortcode = "bad", title = "Bad", body = "Hi {{customer.email}}" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownVariable.StatusCode);
        Assert.True((await unknownVariable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _));

        using var used = await agentClient.PostAsJsonAsync($"/api/canned-responses/{id}/use", new { conversationId = conversation });
        var rendered = await used.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Hola , una lectura cuesta 35 €. — The agent, Canned", rendered.GetProperty("text").GetString());
        Assert.Equal(1, rendered.GetProperty("usageCount").GetInt64());
        await agentClient.PostAsJsonAsync($"/api/canned-responses/{id}/use", new { });
        var listed = Assert.Single((await agentClient.GetFromJsonAsync<JsonElement>("/api/canned-responses?q=/pri")).EnumerateArray());
        Assert.Equal(2, listed.GetProperty("usageCount").GetInt64());

        using var renamed = await owner.PatchAsJsonAsync($"/api/canned-responses/{id}", new { shortcode = "prices" });
        Assert.Equal("prices", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("shortcode").GetString());
        var (_, stranger, _, _) = await SetUpAsync("Canned stranger");
        using var foreign = await stranger.GetAsync($"/api/canned-responses/{id}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var deleted = await owner.DeleteAsync($"/api/canned-responses/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }
}
