using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class HubTests(AppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private ConversationsApp App => fixture.App;

    [Fact]
    public async Task Agent_receives_the_message_a_webhook_stored_and_another_business_does_not()
    {
        var tenant = await App.CreateTenantAsync("Live");
        var other = await App.CreateTenantAsync("Live elsewhere");
        await using var agent = await App.ConnectHubAsync(await App.LoginAsync(tenant));
        await using var stranger = await App.ConnectHubAsync(await App.LoginAsync(other));
        var agentInbox = Listen(agent);
        var strangerInbox = Listen(stranger);

        using (var response = await App.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("34622222222", "wamid.live.1", "¿Hay cita mañana?", "Luis")),
            tenant.AppSecret))
        {
            response.EnsureSuccessStatusCode();
        }

        var message = await agentInbox.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("¿Hay cita mañana?", message.GetProperty("body").GetString());
        Assert.Equal(1, message.GetProperty("sequence").GetInt64());
        Assert.Equal(ConversationIds.For(tenant.BusinessId, "34622222222"), message.GetProperty("conversationId").GetGuid());

        // The stranger's own message arrives; the other business's message never did before it.
        using (var response = await App.PostWebhookAsync(
            MetaWebhooks.TextMessages(other.PhoneNumberId, new MetaWebhooks.TextMessage("34633333333", "wamid.live.2", "mine")),
            other.AppSecret))
        {
            response.EnsureSuccessStatusCode();
        }

        var strangers = await strangerInbox.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("mine", strangers.GetProperty("body").GetString());
        Assert.False(strangerInbox.Reader.TryRead(out _));
        Assert.False(agentInbox.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Every_connection_of_a_business_receives_its_events()
    {
        var tenant = await App.CreateTenantAsync("Many agents");
        var token = await App.LoginAsync(tenant);
        var connections = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => App.ConnectHubAsync(token)));
        try
        {
            var inboxes = connections.Select(Listen).ToList();

            using (var response = await App.PostWebhookAsync(
                MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("1", "wamid.many.1", "to all")),
                tenant.AppSecret))
            {
                response.EnsureSuccessStatusCode();
            }

            foreach (var inbox in inboxes)
            {
                var message = await inbox.Reader.ReadAsync().AsTask().WaitAsync(Patience);
                Assert.Equal("to all", message.GetProperty("body").GetString());
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Agent_who_reconnects_still_receives_events()
    {
        var tenant = await App.CreateTenantAsync("Reconnect");
        var token = await App.LoginAsync(tenant);
        await (await App.ConnectHubAsync(token)).DisposeAsync();

        await using var agent = await App.ConnectHubAsync(token);
        var inbox = Listen(agent);
        using (var response = await App.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("1", "wamid.again.1", "again")),
            tenant.AppSecret))
        {
            response.EnsureSuccessStatusCode();
        }

        var message = await inbox.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("again", message.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Hub_refuses_a_connection_without_a_token()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => App.ConnectHubAsync(accessToken: null));
    }

    [Fact]
    public async Task A_revoked_session_s_live_connection_is_dropped_at_once_and_the_other_session_s_stays()
    {
        var accounts = new AccountsClient(App);
        var stolen = await accounts.NewOwnerAsync("Revoked live");
        var mine = await accounts.LoginAsync(stolen.Employee.Email);
        await using var stolenHub = await App.ConnectHubAsync(stolen.AccessToken);
        await using var myHub = await App.ConnectHubAsync(mine.AccessToken);
        var stolenClosed = Closed(stolenHub);
        var myClosed = Closed(myHub);

        using (var revoke = await accounts.SendAsync(HttpMethod.Delete, $"/api/auth/sessions/{stolen.SessionId}", accessToken: mine.AccessToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await stolenClosed.WaitAsync(Patience);
        Assert.Equal(HubConnectionState.Disconnected, stolenHub.State);

        // The session that revoked it keeps its connection, and it still works.
        await myHub.InvokeAsync("Heartbeat");
        Assert.False(myClosed.IsCompleted);
        Assert.Equal(HubConnectionState.Connected, myHub.State);
    }

    [Fact]
    public async Task A_deactivated_employee_s_live_connections_are_all_dropped_at_once()
    {
        var accounts = new AccountsClient(App);
        var owner = await accounts.NewOwnerAsync("Deactivated live");
        var agent = await accounts.NewEmployeeAsync(owner, "agent");
        var onLaptop = await App.ConnectHubAsync(agent.AccessToken);
        var onPhone = await App.ConnectHubAsync((await accounts.LoginAsync(agent.Employee.Email)).AccessToken);
        await using var ownerHub = await App.ConnectHubAsync(owner.AccessToken);
        var closed = new[] { Closed(onLaptop), Closed(onPhone) };
        var ownerClosed = Closed(ownerHub);
        try
        {
            using (var deactivate = await accounts.SendAsync(HttpMethod.Delete, $"/api/employees/{agent.Employee.Id}", accessToken: owner.AccessToken))
            {
                Assert.True(deactivate.IsSuccessStatusCode, $"deactivation: {deactivate.StatusCode}");
            }

            await Task.WhenAll(closed).WaitAsync(Patience);
            await ownerHub.InvokeAsync("Heartbeat");
            Assert.False(ownerClosed.IsCompleted);
        }
        finally
        {
            await onLaptop.DisposeAsync();
            await onPhone.DisposeAsync();
        }
    }

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private static System.Threading.Channels.Channel<JsonElement> Listen(HubConnection connection)
    {
        var inbox = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("MessageAdded", message => inbox.Writer.TryWrite(message.Clone()));
        return inbox;
    }
}
