using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Channels;

/// <summary>Each test runs its own app on its own database, because it restarts or loads it.</summary>
public sealed class OutboxDurabilityTests : IAsyncLifetime
{
    private readonly FakeMetaGraphApi meta = new();
    private readonly FakeTwilioApi twilio = new();
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        await meta.StartAsync();
        await twilio.StartAsync();
        database = await TestDatabase.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        await meta.DisposeAsync();
        await twilio.DisposeAsync();
    }

    [Fact]
    public async Task Retry_pending_when_the_host_restarts_is_still_delivered_exactly_once()
    {
        var clusterId = $"outbox-{Guid.NewGuid():N}";
        TestTenant tenant;
        Guid conversation;
        await using (var first = new ConversationsApp(database.ConnectionString, clusterId, ChannelsFixture.Settings(meta, twilio, firstRetryDelay: "00:00:03")))
        {
            tenant = await first.CreateTenantAsync("Restart");
            using var agent = await first.ClientOfAsync(tenant);
            await Channels.ConnectMetaAsync(agent, tenant);
            await first.CustomerWritesAsync(tenant, "4915100000001", "wamid.restart.in", "Hallo");
            conversation = ConversationIds.For(tenant.BusinessId, "4915100000001");
            meta.FailNext((503, "unavailable"));

            using var send = await Channels.SendTextAsync(agent, conversation, "Guten Tag");
            send.EnsureSuccessStatusCode();
            await Eventually.GetAsync(() => Task.FromResult(meta.Requests.Count), count => count >= 1, what: "the first, failing attempt");
            Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE conversation_id = @c", ("c", conversation)));
        }

        await using var second = new ConversationsApp(database.ConnectionString, clusterId, ChannelsFixture.Settings(meta, twilio));
        using var client = await second.ClientOfAsync(tenant);

        var sent = await Eventually.GetAsync(
            async () => (await Transcript.ReadAsync(client, conversation))[^1], m => m.Delivery() == "sent",
            within: TimeSpan.FromSeconds(30), what: "the retry after the restart");
        Assert.Equal([503, 200], meta.Requests.Select(r => r.StatusCode));
        Assert.Single(meta.Accepted);
        Assert.Contains("Guten Tag", meta.Accepted.Single().Body, StringComparison.Ordinal);
        Assert.NotNull(sent.Text("providerMessageId"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM outbox"));
    }

    [Fact]
    public async Task Five_hundred_replies_queued_at_once_leave_within_the_number_rate_limit()
    {
        const int replies = 500;
        const int perSecond = 200;
        var settings = ChannelsFixture.Settings(meta, twilio);
        settings["Conversations:Outbox:MessagesPerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var app = new ConversationsApp(database.ConnectionString, settings: settings);
        var tenant = await app.CreateTenantAsync("Busy number");
        using var agent = await app.ClientOfAsync(tenant);
        await Channels.ConnectMetaAsync(agent, tenant);

        var customers = Enumerable.Range(0, replies).Select(i => $"447700{i:D6}").ToList();
        using (var inbound = await app.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, customers.Select(c => new MetaWebhooks.TextMessage(c, $"wamid.busy.{c}", "hi", null, DateTimeOffset.UtcNow.ToUnixTimeSeconds())).ToArray()),
            tenant.AppSecret))
        {
            inbound.EnsureSuccessStatusCode();
        }

        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (customer, _) =>
        {
            using var send = await Channels.SendTextAsync(agent, ConversationIds.For(tenant.BusinessId, customer), "reply");
            send.EnsureSuccessStatusCode();
        });

        await Eventually.GetAsync(() => Task.FromResult(meta.Accepted.Count()), count => count >= replies, within: TimeSpan.FromSeconds(60), what: "all replies sent");
        var times = meta.Accepted.Select(r => r.At).Order().ToList();
        var busiestSecond = times.Select((start, i) => times.Skip(i).TakeWhile(t => t - start < TimeSpan.FromSeconds(1)).Count()).Max();
        // The pacer guarantees at most rate + 1 send starts per second; these are arrival times at the fake,
        // which loopback scheduling jitter can bunch by a few.
        Assert.InRange(busiestSecond, 1, (int)(perSecond * 1.03) + 1);
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds((replies / (double)perSecond) - 1.1), $"sent {replies} in {times[^1] - times[0]}");
        Assert.Equal(replies, meta.Accepted.Count());
    }
}
