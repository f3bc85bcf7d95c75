using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Conversations.Grains.Interfaces;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.WebFrontend.Tests.Inbox;

/// <summary>Presence and typing between agents. In the clock collection: one test moves the app's clock.</summary>
[Collection(ClockCollection.Name)]
public sealed class PresenceTests(AppFixture fixture) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(25);

    private ConversationsApp App => fixture.App;

    public void Dispose() => App.Clock.Reset();

    private async Task<(AccountsClient.Tokens Owner, AccountsClient.Tokens Agent, TestTenant Tenant)> TeamAsync(string name)
    {
        var tenant = await App.CreateTenantAsync(name);
        var accounts = new AccountsClient(App);
        var owner = await accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        return (owner, await accounts.NewEmployeeAsync(owner, "agent"), tenant);
    }

    private static Channel<(Guid Employee, string Presence)> WatchPresence(HubConnection connection)
    {
        var changes = Channel.CreateUnbounded<(Guid, string)>();
        connection.On<Guid, string>("PresenceChanged", (employee, presence) => changes.Writer.TryWrite((employee, presence)));
        return changes;
    }

    private static async Task ExpectAsync(Channel<(Guid Employee, string Presence)> changes, Guid employee, string presence)
    {
        while (true)
        {
            var change = await changes.Reader.ReadAsync().AsTask().WaitAsync(Patience);
            if (change.Employee == employee && change.Presence == presence)
            {
                return;
            }
        }
    }

    private async Task<string> PresenceOfAsync(string token, Guid employee)
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var team = await client.GetFromJsonAsync<JsonElement>("/api/presence");
        return team.EnumerateArray().Single(e => e.GetProperty("employeeId").GetGuid() == employee).GetProperty("presence").GetString()!;
    }

    [Fact]
    public async Task Colleagues_see_an_agent_come_online_go_away_and_leave()
    {
        var (owner, agent, _) = await TeamAsync("Presence");
        await using var watcher = await App.ConnectHubAsync(owner.AccessToken);
        var changes = WatchPresence(watcher);

        var connection = await App.ConnectHubAsync(agent.AccessToken);
        await ExpectAsync(changes, agent.Employee.Id, "online");
        Assert.Equal("online", await PresenceOfAsync(owner.AccessToken, agent.Employee.Id));

        await connection.InvokeAsync("SetAway", true);
        await ExpectAsync(changes, agent.Employee.Id, "away");

        await connection.DisposeAsync();
        await ExpectAsync(changes, agent.Employee.Id, "offline");
        Assert.Equal("offline", await PresenceOfAsync(owner.AccessToken, agent.Employee.Id));
    }

    [Fact]
    public async Task An_agent_whose_heartbeats_stop_goes_offline()
    {
        var (owner, agent, _) = await TeamAsync("Heartbeats");
        await using var watcher = await App.ConnectHubAsync(owner.AccessToken);
        var changes = WatchPresence(watcher);
        await using var silent = await App.ConnectHubAsync(agent.AccessToken);
        await ExpectAsync(changes, agent.Employee.Id, "online");

        await silent.InvokeAsync("Heartbeat");
        App.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal("offline", await PresenceOfAsync(owner.AccessToken, agent.Employee.Id));
        await ExpectAsync(changes, agent.Employee.Id, "offline");
    }

    [Fact]
    public async Task Typing_reaches_colleagues_of_the_same_business_only()
    {
        var (owner, agent, tenant) = await TeamAsync("Typing");
        var (strangerOwner, _, _) = await TeamAsync("Typing elsewhere");
        await using var colleague = await App.ConnectHubAsync(owner.AccessToken);
        await using var stranger = await App.ConnectHubAsync(strangerOwner.AccessToken);
        await using var typist = await App.ConnectHubAsync(agent.AccessToken);
        var seen = Channel.CreateUnbounded<(Guid Conversation, Guid Employee)>();
        var leaked = 0;
        colleague.On<Guid, Guid>("Typing", (conversation, employee) => seen.Writer.TryWrite((conversation, employee)));
        stranger.On<Guid, Guid>("Typing", (_, _) => Interlocked.Increment(ref leaked));
        await App.CustomerWritesAsync(tenant, "34611100000", $"wamid.{Guid.NewGuid():N}", "Hola");
        var conversation = ConversationIds.For(tenant.BusinessId, "34611100000");

        await typist.InvokeAsync("Typing", conversation);

        Assert.Equal((conversation, agent.Employee.Id), await seen.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(0, leaked);
    }
}
