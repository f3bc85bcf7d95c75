using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.WebFrontend.Tests.Inbox;

/// <summary>Its own app, with an agent capacity of one, so the queue is easy to fill.</summary>
public sealed class AutoAssignmentTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ConversationsApp app = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        app = new ConversationsApp(database.ConnectionString, settings: new Dictionary<string, string> { ["Conversations:Assignment:AgentCapacity"] = "1" });
        app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    private HttpClient Client(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<Guid> WaitingConversationAsync(TestTenant tenant, string customer)
    {
        await app.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "¿Me atiende una persona?");
        return ConversationIds.For(tenant.BusinessId, customer);
    }

    private static async Task<Guid?> AssigneeAsync(HttpClient client, Guid conversation)
    {
        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}");
        return summary.GetProperty("assigneeId").ValueKind == JsonValueKind.Null ? null : summary.GetProperty("assigneeId").GetGuid();
    }

    [Fact]
    public async Task Handed_off_conversations_go_round_robin_within_capacity_and_wait_until_someone_frees_up_or_comes_online()
    {
        var tenant = await app.CreateTenantAsync("Auto assignment");
        var accounts = new AccountsClient(app);
        var owner = await accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        var first = await accounts.NewEmployeeAsync(owner, "agent");
        var second = await accounts.NewEmployeeAsync(owner, "agent");
        using var ownerClient = Client(owner.AccessToken);
        await using var firstOnline = await app.ConnectHubAsync(first.AccessToken);

        var one = await WaitingConversationAsync(tenant, "34600000101");
        var two = await WaitingConversationAsync(tenant, "34600000102");
        var three = await WaitingConversationAsync(tenant, "34600000103");

        (await ownerClient.PostAsync($"/api/conversations/{one}/handoff", null)).EnsureSuccessStatusCode();
        (await ownerClient.PostAsync($"/api/conversations/{two}/handoff", null)).EnsureSuccessStatusCode();

        Assert.Equal(first.Employee.Id, await AssigneeAsync(ownerClient, one));
        Assert.Null(await AssigneeAsync(ownerClient, two));
        var queue = await ownerClient.GetFromJsonAsync<JsonElement>("/api/conversations?assignee=unassigned&mode=human");
        Assert.Equal(two, Assert.Single(queue.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        // The first agent frees up: the waiting conversation is theirs.
        (await Client(first.AccessToken).PostAsJsonAsync($"/api/conversations/{one}/status", new { status = "resolved" })).EnsureSuccessStatusCode();
        await Eventually.GetAsync(() => AssigneeAsync(ownerClient, two), a => a == first.Employee.Id, what: "the queue to move when capacity frees");

        // A colleague comes online: the next waiting conversation goes to them.
        (await ownerClient.PostAsync($"/api/conversations/{three}/handoff", null)).EnsureSuccessStatusCode();
        Assert.Null(await AssigneeAsync(ownerClient, three));
        await using var secondOnline = await app.ConnectHubAsync(second.AccessToken);
        await Eventually.GetAsync(() => AssigneeAsync(ownerClient, three), a => a == second.Employee.Id, what: "the newcomer to get the waiting conversation");

        var history = await ownerClient.GetFromJsonAsync<JsonElement>($"/api/assignments?conversationId={three}");
        Assert.Equal(["handoff", "auto_assign"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var notifications = await Client(first.AccessToken).GetFromJsonAsync<JsonElement>("/api/notifications");
        Assert.Contains(notifications.EnumerateArray(), n => n.GetProperty("kind").GetString() == "handoff");
    }

    [Fact]
    public async Task With_room_for_everyone_assignment_alternates_between_online_agents()
    {
        var tenant = await app.CreateTenantAsync("Round robin");
        var accounts = new AccountsClient(app);
        var owner = await accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        var first = await accounts.NewEmployeeAsync(owner, "agent");
        var second = await accounts.NewEmployeeAsync(owner, "agent");
        using var ownerClient = Client(owner.AccessToken);
        await using var firstOnline = await app.ConnectHubAsync(first.AccessToken);
        await using var secondOnline = await app.ConnectHubAsync(second.AccessToken);

        var assignees = new List<Guid?>();
        foreach (var customer in new[] { "34600000201", "34600000202" })
        {
            var conversation = await WaitingConversationAsync(tenant, customer);
            (await ownerClient.PostAsync($"/api/conversations/{conversation}/handoff", null)).EnsureSuccessStatusCode();
            assignees.Add(await AssigneeAsync(ownerClient, conversation));
        }

        Assert.Equal(new Guid?[] { first.Employee.Id, second.Employee.Id }.Order(), assignees.Order());
    }
}
