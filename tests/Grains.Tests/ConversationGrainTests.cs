using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Orleans.Streams;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConversationGrainTests(ClusterFixture fixture)
{
    private static InboundMessage Text(Guid business, string customer, string id, string body, string? name = null) =>
        new(business, customer, name, id, MessageContent.PlainText(body), DateTimeOffset.FromUnixTimeSeconds(1_764_000_000), ChannelKeys.ForLocal(business));

    private IConversationGrain Conversation(Guid business, string customer) =>
        fixture.Grains.GetGrain<IConversationGrain>(ConversationIds.For(business, customer));

    [Fact]
    public async Task Messages_are_numbered_in_arrival_order_and_stored()
    {
        var business = await fixture.NewBusinessAsync();
        var grain = Conversation(business, "34600000001");

        Assert.Equal(MessageAcceptance.Stored, await grain.ReceiveAsync(Text(business, "34600000001", "wamid.a1", "first", "Ana")));
        Assert.Equal(MessageAcceptance.Stored, await grain.ReceiveAsync(Text(business, "34600000001", "wamid.a2", "second")));

        var snapshot = await grain.GetSnapshotAsync();
        Assert.NotNull(snapshot);
        Assert.Equal(2, snapshot.LastSequence);
        Assert.Equal("Ana", snapshot.CustomerName);
        Assert.Equal(ConversationMode.Ai, snapshot.Mode);

        var rows = await fixture.Database.ScalarAsync<string>(
            "SELECT string_agg(sequence || ':' || body, ',' ORDER BY sequence) FROM messages WHERE business_id = @b",
            ("b", business));
        Assert.Equal("1:first,2:second", rows);
    }

    [Fact]
    public async Task Redelivered_message_is_stored_once()
    {
        var business = await fixture.NewBusinessAsync();
        var grain = Conversation(business, "34600000002");
        var message = Text(business, "34600000002", "wamid.b1", "hello");

        Assert.Equal(MessageAcceptance.Stored, await grain.ReceiveAsync(message));
        Assert.Equal(MessageAcceptance.Duplicate, await grain.ReceiveAsync(message));

        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM messages WHERE business_id = @b", ("b", business)));
    }

    [Fact]
    public async Task After_reactivation_numbering_continues_and_old_ids_are_still_duplicates()
    {
        var business = await fixture.NewBusinessAsync();
        var grain = Conversation(business, "34600000003");
        await grain.ReceiveAsync(Text(business, "34600000003", "wamid.c1", "one"));
        await grain.ReceiveAsync(Text(business, "34600000003", "wamid.c2", "two"));

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(MessageAcceptance.Duplicate, await grain.ReceiveAsync(Text(business, "34600000003", "wamid.c1", "one")));
        Assert.Equal(MessageAcceptance.Stored, await grain.ReceiveAsync(Text(business, "34600000003", "wamid.c3", "three")));
        Assert.Equal(3, (await grain.GetSnapshotAsync())!.LastSequence);
    }

    [Fact]
    public async Task Concurrent_deliveries_to_one_conversation_get_distinct_consecutive_numbers()
    {
        var business = await fixture.NewBusinessAsync();
        var grain = Conversation(business, "34600000004");

        var results = await Task.WhenAll(Enumerable.Range(1, 40)
            .Select(i => grain.ReceiveAsync(Text(business, "34600000004", $"wamid.d{i}", $"m{i}"))));

        Assert.All(results, r => Assert.Equal(MessageAcceptance.Stored, r));
        var sequences = await fixture.Database.ScalarAsync<long[]>(
            "SELECT array_agg(sequence ORDER BY sequence) FROM messages WHERE business_id = @b", ("b", business));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task Message_addressed_to_another_conversation_is_refused()
    {
        var business = await fixture.NewBusinessAsync();
        var grain = Conversation(business, "34600000005");

        await Assert.ThrowsAsync<ArgumentException>(() =>
            grain.ReceiveAsync(Text(business, "34600000006", "wamid.e1", "misrouted")));
        Assert.Null(await grain.GetSnapshotAsync());
    }

    [Fact]
    public async Task Stored_message_is_published_on_its_business_stream_only()
    {
        var business = await fixture.NewBusinessAsync();
        var otherBusiness = await fixture.NewBusinessAsync();
        var received = new TaskCompletionSource<MessageAdded>(TaskCreationOptions.RunContinuationsAsynchronously);
        var leaked = new List<BusinessEvent>();

        var streams = fixture.Cluster.Client.GetStreamProvider(BusinessStreams.ProviderName);
        var mine = await streams.GetStream<BusinessEvent>(BusinessStreams.For(business))
            .SubscribeAsync((e, _) => { received.TrySetResult((MessageAdded)e); return Task.CompletedTask; });
        var theirs = await streams.GetStream<BusinessEvent>(BusinessStreams.For(otherBusiness))
            .SubscribeAsync((e, _) => { lock (leaked) { leaked.Add(e); } return Task.CompletedTask; });
        try
        {
            await Conversation(business, "34600000007").ReceiveAsync(Text(business, "34600000007", "wamid.f1", "live"));

            var added = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("live", added.Message.Body);
            Assert.Equal(1, added.Message.Sequence);
            Assert.Equal(ConversationIds.For(business, "34600000007"), added.ConversationId);
            Assert.Empty(leaked);
        }
        finally
        {
            await mine.UnsubscribeAsync();
            await theirs.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task Duplicate_is_not_published_again()
    {
        var business = await fixture.NewBusinessAsync();
        var events = new List<BusinessEvent>();
        var subscription = await fixture.Cluster.Client.GetStreamProvider(BusinessStreams.ProviderName)
            .GetStream<BusinessEvent>(BusinessStreams.For(business))
            .SubscribeAsync((e, _) => { lock (events) { events.Add(e); } return Task.CompletedTask; });
        try
        {
            var grain = Conversation(business, "34600000008");
            var message = Text(business, "34600000008", "wamid.g1", "once");
            await grain.ReceiveAsync(message);
            await grain.ReceiveAsync(message);
            await grain.ReceiveAsync(Text(business, "34600000008", "wamid.g2", "marker"));

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && events.Count < 2)
            {
                await Task.Delay(50);
            }

            lock (events)
            {
                Assert.Equal(["wamid.g1", "wamid.g2"], events.Cast<MessageAdded>().Select(e => e.Message.ProviderMessageId));
            }
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }
}
