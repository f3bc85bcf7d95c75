using System.Net.Http.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Orleans;

namespace Conversations.WebFrontend.Tests;

public sealed class DurabilityTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Message_and_conversation_state_survive_a_restart_of_the_host()
    {
        var clusterId = $"durability-{Guid.NewGuid():N}";
        TestTenant tenant;
        await using (var first = new ConversationsApp(database.ConnectionString, clusterId))
        {
            tenant = await first.CreateTenantAsync("Durable");
            using var response = await first.PostWebhookAsync(
                MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("34644444444", "wamid.durable.1", "before restart", "Marta")),
                tenant.AppSecret);
            response.EnsureSuccessStatusCode();
        }

        await using var second = new ConversationsApp(database.ConnectionString, clusterId);
        var conversationId = ConversationIds.For(tenant.BusinessId, "34644444444");

        using var client = await second.ClientOfAsync(tenant);
        var page = await client.GetFromJsonAsync<MessagePage>($"/api/messages?conversationId={conversationId}");
        Assert.Equal("before restart", Assert.Single(page!.Messages).Body);

        var grain = second.Service<IClusterClient>().GetGrain<IConversationGrain>(conversationId);
        var snapshot = await grain.GetSnapshotAsync();
        Assert.NotNull(snapshot);
        Assert.Equal("Marta", snapshot.CustomerName);
        Assert.Equal(1, snapshot.LastSequence);

        using (var redelivered = await second.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("34644444444", "wamid.durable.1", "before restart")),
            tenant.AppSecret))
        {
            Assert.Equal(0, (await redelivered.Content.ReadFromJsonAsync<Receipt>())!.Stored);
        }

        using (var next = await second.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("34644444444", "wamid.durable.2", "after restart")),
            tenant.AppSecret))
        {
            next.EnsureSuccessStatusCode();
        }

        var after = await client.GetFromJsonAsync<MessagePage>($"/api/messages?conversationId={conversationId}");
        Assert.Equal([1L, 2L], after!.Messages.Select(m => m.Sequence));
    }

    private sealed record Receipt(int Received, int Stored, int Duplicates);
}
