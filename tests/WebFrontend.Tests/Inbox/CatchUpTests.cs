using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Conversations.Grains.Interfaces;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.WebFrontend.Tests.Inbox;

[Collection(AppCollection.Name)]
public sealed class CatchUpTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    [Fact]
    public async Task A_client_that_reconnects_gets_exactly_what_it_missed()
    {
        var tenant = await App.CreateTenantAsync("Catch up");
        var token = await App.LoginAsync(tenant);
        var conversation = ConversationIds.For(tenant.BusinessId, "34699900001");
        var received = Channel.CreateUnbounded<JsonElement>();

        var connection = await App.ConnectHubAsync(token);
        connection.On<JsonElement>("MessageAdded", m => received.Writer.TryWrite(m.Clone()));
        await App.CustomerWritesAsync(tenant, "34699900001", "wamid.cu1", "one");
        var lastSeen = (await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("sequence").GetInt64();
        await connection.DisposeAsync();

        await App.CustomerWritesAsync(tenant, "34699900001", "wamid.cu2", "two");
        await App.CustomerWritesAsync(tenant, "34699900001", "wamid.cu3", "three");

        await using var again = await App.ConnectHubAsync(token);
        using var client = await App.ClientOfAsync(tenant);
        var missed = await client.GetFromJsonAsync<JsonElement>($"/api/messages?conversationId={conversation}&after={lastSeen}");

        Assert.Equal(["two", "three"], missed.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.Equal([lastSeen + 1, lastSeen + 2], missed.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("sequence").GetInt64()));
    }
}
