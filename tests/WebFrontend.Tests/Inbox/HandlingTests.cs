using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.WebFrontend.Tests.Inbox;

[Collection(AppCollection.Name)]
public sealed class HandlingTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private sealed record Team(TestTenant Tenant, HttpClient Owner, HttpClient First, HttpClient Second, Guid FirstId, Guid SecondId, string FirstToken, Guid Conversation);

    private async Task<Team> TeamAsync(string name)
    {
        var tenant = await App.CreateTenantAsync(name);
        var accounts = new AccountsClient(App);
        var owner = await accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        var first = await accounts.NewEmployeeAsync(owner, "agent");
        var second = await accounts.NewEmployeeAsync(owner, "agent");
        var customer = $"3470{Random.Shared.Next(1_000_000, 9_999_999)}";
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Necesito ayuda");
        return new Team(tenant, Client(owner.AccessToken), Client(first.AccessToken), Client(second.AccessToken),
            first.Employee.Id, second.Employee.Id, first.AccessToken, ConversationIds.For(tenant.BusinessId, customer));
    }

    private HttpClient Client(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Of_two_agents_taking_over_at_once_exactly_one_wins_and_the_other_learns_who()
    {
        var team = await TeamAsync("Race");
        await using var watcher = await App.ConnectHubAsync(team.FirstToken);
        await using var stranger = await App.ConnectHubAsync(await App.LoginAsync(await App.CreateTenantAsync("Elsewhere")));
        var changes = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        var leaked = 0;
        watcher.On<JsonElement>("ConversationChanged", c => changes.Writer.TryWrite(c.Clone()));
        stranger.On<JsonElement>("ConversationChanged", _ => Interlocked.Increment(ref leaked));

        var responses = await Task.WhenAll(
            team.First.PostAsync($"/api/conversations/{team.Conversation}/takeover", null),
            team.Second.PostAsync($"/api/conversations/{team.Conversation}/takeover", null));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var lost = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var won = await JsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        var winner = won.GetProperty("assigneeId").GetGuid();
        Assert.Equal("human", won.GetProperty("mode").GetString());
        Assert.Contains(winner, new[] { team.FirstId, team.SecondId });
        Assert.Equal(winner, (await JsonAsync(lost)).GetProperty("holder").GetProperty("id").GetGuid());

        var change = await changes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("human", change.GetProperty("mode").GetString());
        Assert.Equal(winner, change.GetProperty("assigneeId").GetGuid());
        Assert.Equal(0, leaked);
    }

    [Fact]
    public async Task Only_the_holder_or_a_supervisor_releases_back_to_the_assistant()
    {
        var team = await TeamAsync("Release");
        (await team.First.PostAsync($"/api/conversations/{team.Conversation}/takeover", null)).EnsureSuccessStatusCode();

        using var byOther = await team.Second.PostAsync($"/api/conversations/{team.Conversation}/release", null);
        Assert.Equal(HttpStatusCode.Conflict, byOther.StatusCode);

        using var byOwner = await team.Owner.PostAsync($"/api/conversations/{team.Conversation}/release", null);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        var released = await JsonAsync(byOwner);
        Assert.Equal("ai", released.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, released.GetProperty("assigneeId").ValueKind);
    }

    [Fact]
    public async Task Assign_and_transfer_are_recorded_in_the_history()
    {
        var team = await TeamAsync("Transfer");

        using (var assigned = await team.Owner.PostAsJsonAsync($"/api/conversations/{team.Conversation}/assign", new { employeeId = team.FirstId }))
        {
            Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        }

        using (var notYours = await team.Second.PostAsJsonAsync($"/api/conversations/{team.Conversation}/transfer", new { employeeId = team.SecondId }))
        {
            Assert.Equal(HttpStatusCode.Conflict, notYours.StatusCode);
        }

        using (var transferred = await team.First.PostAsJsonAsync($"/api/conversations/{team.Conversation}/transfer", new { employeeId = team.SecondId }))
        {
            Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
            Assert.Equal(team.SecondId, (await JsonAsync(transferred)).GetProperty("assigneeId").GetGuid());
        }

        var history = await team.Owner.GetFromJsonAsync<JsonElement>($"/api/assignments?conversationId={team.Conversation}");
        Assert.Equal(["assign", "transfer"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(team.FirstId, history[1].GetProperty("fromEmployeeId").GetGuid());
        var mine = await team.Second.GetFromJsonAsync<JsonElement>("/api/conversations?assignee=me");
        Assert.Equal(team.Conversation, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Transfer_to_someone_outside_the_business_is_refused_naming_the_field()
    {
        var team = await TeamAsync("Bad transfer");
        var outsider = await TeamAsync("Outsider");

        using var unknown = await team.Owner.PostAsJsonAsync($"/api/conversations/{team.Conversation}/transfer", new { employeeId = outsider.FirstId });
        using var missing = await team.Owner.PostAsJsonAsync($"/api/conversations/{team.Conversation}/transfer", new { });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await JsonAsync(unknown)).GetProperty("errors").TryGetProperty("employeeId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Resolved_conversation_reopens_when_the_customer_writes_again()
    {
        var team = await TeamAsync("Reopen");
        using (var resolved = await team.Owner.PostAsJsonAsync($"/api/conversations/{team.Conversation}/status", new { status = "resolved" }))
        {
            Assert.Equal("resolved", (await JsonAsync(resolved)).GetProperty("status").GetString());
        }

        var customer = (await team.Owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{team.Conversation}")).GetProperty("customer").GetProperty("waId").GetString()!;
        await App.CustomerWritesAsync(team.Tenant, customer, $"wamid.{Guid.NewGuid():N}", "Una cosa más");

        await Eventually.GetAsync(
            () => team.Owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{team.Conversation}"),
            c => c.GetProperty("status").GetString() == "open", what: "the conversation to reopen");
    }

    [Fact]
    public async Task Snoozed_conversation_wakes_up_by_itself()
    {
        var team = await TeamAsync("Snooze");

        using var past = await team.Owner.PostAsJsonAsync($"/api/conversations/{team.Conversation}/status", new { status = "snoozed", snoozeUntil = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await JsonAsync(past)).GetProperty("errors").TryGetProperty("snoozeUntil", out _));

        using var snoozed = await team.Owner.PostAsJsonAsync($"/api/conversations/{team.Conversation}/status", new { status = "snoozed", snoozeUntil = DateTimeOffset.UtcNow.AddSeconds(2) });
        Assert.Equal("snoozed", (await JsonAsync(snoozed)).GetProperty("status").GetString());

        await Eventually.GetAsync(
            () => team.Owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{team.Conversation}"),
            c => c.GetProperty("status").GetString() == "open", within: TimeSpan.FromSeconds(30), what: "the snooze to end");
    }

    [Fact]
    public async Task Labels_are_added_removed_and_filterable()
    {
        var team = await TeamAsync("Labels");

        using (var added = await team.Owner.PostAsJsonAsync($"/api/conversations/{team.Conversation}/labels", new { add = new[] { "VIP", "follow-up" } }))
        {
            Assert.Equal(["vip", "follow-up"], (await JsonAsync(added)).GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        }

        using (var removed = await team.Owner.PostAsJsonAsync($"/api/conversations/{team.Conversation}/labels", new { remove = new[] { "follow-up" } }))
        {
            Assert.Equal(["vip"], (await JsonAsync(removed)).GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        }

        using var invalid = await team.Owner.PostAsJsonAsync($"/api/conversations/{team.Conversation}/labels", new { add = new[] { "no spaces allowed" } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var vip = await team.Owner.GetFromJsonAsync<JsonElement>("/api/conversations?label=vip");
        Assert.Equal(team.Conversation, Assert.Single(vip.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Another_business_cannot_handle_the_conversation()
    {
        var team = await TeamAsync("Owner business");
        var other = await TeamAsync("Other business");

        foreach (var action in new[] { "takeover", "release", "assign", "status", "labels" })
        {
            using var response = await other.Owner.PostAsJsonAsync($"/api/conversations/{team.Conversation}/{action}", new { status = "open", add = new[] { "x" } });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var history = await other.Owner.GetAsync($"/api/assignments?conversationId={team.Conversation}");
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
    }
}
