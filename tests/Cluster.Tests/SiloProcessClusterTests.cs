using System.Diagnostics;
using Conversations.Cluster.Tests.Infrastructure;
using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Conversations;
using Conversations.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Conversations.Cluster.Tests;

/// <summary>Real silo processes (src/Silo) forming clusters through our PostgreSQL membership tables.</summary>
public sealed class SiloProcessClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan FailureDetectionTimeout = TimeSpan.FromSeconds(60);

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Two_silos_join_as_Active_members_of_one_cluster()
    {
        await using var cluster = await SiloProcessCluster.StartAsync(database, siloCount: 2);

        var rows = await MembershipTable.ReadAsync(database, cluster.Settings.ClusterId);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(MembershipRow.Active, row.Status));
        Assert.Equal(
            cluster.Silos.Select(s => s.SiloPort).Order(),
            rows.Select(r => r.Port).Order());

        var hosts = await cluster.Client.Management.GetHosts(onlyActive: true);
        Assert.Equal(
            cluster.Silos.Select(s => s.SiloPort).Order(),
            hosts.Keys.Select(address => address.Endpoint.Port).Order());
    }

    [Fact]
    public async Task Killed_silo_grains_reactivate_on_the_survivor_with_their_state()
    {
        await using var cluster = await SiloProcessCluster.StartAsync(database, siloCount: 2);
        var client = cluster.Client.Client;
        var businessId = Guid.NewGuid();
        await CreateBusinessAsync(businessId);

        // Enough conversations that both silos host some; placement is not round-robin, so which
        // silo to kill is chosen from where the grains actually are.
        var customers = Enumerable.Range(1, 12).Select(i => $"3460000{i:D4}").ToList();
        foreach (var customer in customers)
        {
            for (var n = 1; n <= 2; n++)
            {
                var acceptance = await Conversation(client, businessId, customer).ReceiveAsync(Message(businessId, customer, n));
                Assert.Equal(MessageAcceptance.Stored, acceptance);
            }
        }

        var conversationIds = customers.ToDictionary(c => Conversation(client, businessId, c).GetGrainId(), c => c);
        var placements = (await cluster.Client.Management.GetDetailedGrainStatistics())
            .Where(s => conversationIds.ContainsKey(s.GrainId))
            .ToList();
        Assert.Equal(customers.Count, placements.Count);
        var victimAddress = placements.GroupBy(p => p.SiloAddress).MaxBy(g => g.Count())!.Key;
        var victim = cluster.SiloAt(victimAddress);
        var survivor = cluster.Silos.Single(s => s != victim);
        var movedCustomers = placements.Where(p => p.SiloAddress.Equals(victimAddress)).Select(p => conversationIds[p.GrainId]).ToList();
        output.WriteLine($"Killing {victim}, host of {movedCustomers.Count} of {customers.Count} conversations; {survivor} survives.");

        var clock = Stopwatch.StartNew();
        victim.Kill();

        var rows = await cluster.WithSiloLogsOnTimeout(Eventually.ReturnsAsync(
            $"{victim} declared Dead by the survivor",
            FailureDetectionTimeout,
            () => MembershipTable.ReadAsync(database, cluster.Settings.ClusterId),
            rows => MembershipTable.StatusOf(rows, victim.SiloPort) == MembershipRow.Dead));
        output.WriteLine($"Declared dead after {clock.Elapsed.TotalSeconds:0.0} s.");
        Assert.Equal(MembershipRow.Active, MembershipTable.StatusOf(rows, survivor.SiloPort));

        foreach (var customer in movedCustomers)
        {
            var conversation = Conversation(client, businessId, customer);
            var snapshot = await cluster.WithSiloLogsOnTimeout(Eventually.SucceedsAsync(
                $"conversation {customer} to answer again", TimeSpan.FromSeconds(30), conversation.GetSnapshotAsync));

            Assert.NotNull(snapshot);
            Assert.Equal(NameOf(customer), snapshot.CustomerName);
            Assert.Equal(2, snapshot.LastSequence);
            Assert.Equal(MessageAcceptance.Stored, await conversation.ReceiveAsync(Message(businessId, customer, 3)));
            Assert.Equal(3, (await conversation.GetSnapshotAsync())!.LastSequence);
        }

        output.WriteLine($"Reactivated and written to after {clock.Elapsed.TotalSeconds:0.0} s.");
        var hostsAfter = (await cluster.Client.Management.GetDetailedGrainStatistics())
            .Where(s => conversationIds.ContainsKey(s.GrainId))
            .ToDictionary(s => conversationIds[s.GrainId], s => s.SiloAddress.Endpoint.Port);
        Assert.All(movedCustomers, c => Assert.Equal(survivor.SiloPort, hostsAfter[c]));

        var sequences = await StoredSequencesAsync(movedCustomers.Select(c => ConversationIds.For(businessId, c)));
        Assert.All(movedCustomers, c => Assert.Equal(new long[] { 1, 2, 3 }, sequences[ConversationIds.For(businessId, c)]));
    }

    [Fact]
    public async Task Message_stored_just_before_its_silo_died_keeps_its_number_after_reactivation()
    {
        var businessId = Guid.NewGuid();
        await CreateBusinessAsync(businessId);
        const string customer = "34600009999";

        // Where a conversation grain leaves things when its silo dies after appending the first message
        // but before writing its grain state: the transcript has message 1, orleans_grain_state nothing.
        var conversationId = ConversationIds.For(businessId, customer);
        var first = Message(businessId, customer, 1);
        var storedAt = DateTimeOffset.UtcNow;
        await using (var store = new PostgresConversationStore(
            database.Tenants, Options.Create(new ConversationStoreOptions()), NullLogger<PostgresConversationStore>.Instance))
        {
            Assert.True(await store.AppendAsync(
                new StoredConversation(conversationId, businessId, customer, first.CustomerName, ConversationMode.Ai, storedAt, first.SentAt),
                new StoredMessage(Guid.CreateVersion7(), businessId, conversationId, 1, MessageDirection.Inbound, MessageSender.Customer,
                    first.Content, first.ProviderMessageId, first.SentAt, storedAt)));
        }

        await using var cluster = await SiloProcessCluster.StartAsync(database, siloCount: 1);
        var conversation = Conversation(cluster.Client.Client, businessId, customer);

        // Meta redelivers the message whose webhook never got an answer, then the customer writes again.
        Assert.Equal(MessageAcceptance.Duplicate, await conversation.ReceiveAsync(first));
        Assert.Equal(MessageAcceptance.Stored, await conversation.ReceiveAsync(Message(businessId, customer, 2)));

        Assert.Equal(2, (await conversation.GetSnapshotAsync())!.LastSequence);
        var sequences = await StoredSequencesAsync([conversationId]);
        Assert.Equal(new long[] { 1, 2 }, sequences[conversationId]);
    }

    private static IConversationGrain Conversation(IGrainFactory grains, Guid businessId, string customer) =>
        grains.GetGrain<IConversationGrain>(ConversationIds.For(businessId, customer));

    private static string NameOf(string customer) => $"Customer {customer[^4..]}";

    private static InboundMessage Message(Guid businessId, string customer, int n) =>
        new(businessId, customer, NameOf(customer), $"wamid.{customer}.{n}", MessageContent.PlainText($"message {n}"),
            DateTimeOffset.UtcNow, ChannelKeys.ForLocal(businessId));

    private async Task CreateBusinessAsync(Guid businessId)
    {
        await using var command = database.DataSource.CreateCommand("INSERT INTO businesses (id, name) VALUES (@id, 'Failover Barbers')");
        command.Parameters.AddWithValue("id", businessId);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<Dictionary<Guid, long[]>> StoredSequencesAsync(IEnumerable<Guid> conversationIds)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT conversation_id, array_agg(sequence ORDER BY sequence)
            FROM messages
            WHERE conversation_id = ANY(@ids)
            GROUP BY conversation_id
            """);
        command.Parameters.AddWithValue("ids", conversationIds.ToArray());
        var sequences = new Dictionary<Guid, long[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sequences[reader.GetGuid(0)] = reader.GetFieldValue<long[]>(1);
        }

        return sequences;
    }
}
