using System.Collections.Concurrent;
using System.Diagnostics;
using Conversations.Cluster.Tests.Infrastructure;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.TestSupport;
using Orleans.Streams;
using Xunit.Abstractions;

namespace Conversations.Cluster.Tests;

/// <summary>
/// A silo SIGKILLed while messages keep arriving for many conversations. Senders behave like Meta: each
/// customer's messages in order, a failed delivery retried with the same provider message id until it is
/// acknowledged.
/// </summary>
public sealed class SiloKillUnderLoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Senders = 6;
    private const int CustomersPerSender = 6;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Faster than Orleans' defaults so the test stays short: suspect after 3 missed 1-second probes, and give
    /// up on a call after 10 s. With Orleans' defaults (30 s response timeout) the same run measured the
    /// silo declared dead 12 s after the kill and traffic fully served again after 31 s: calls that were inside
    /// the killed silo are answered by nobody and fail only at the response timeout.
    /// </summary>
    private static readonly Dictionary<string, string> Tuning = new()
    {
        ["ProbeTimeout"] = "00:00:01",
        ["NumMissedProbesLimit"] = "3",
        ["ResponseTimeout"] = "00:00:10",
    };

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Silo_killed_under_load_loses_and_duplicates_no_acknowledged_message()
    {
        await using var cluster = await SiloProcessCluster.StartAsync(database, siloCount: 3, Tuning);
        var client = cluster.Client.Client;
        var businessId = Guid.NewGuid();
        await using (var command = database.DataSource.CreateCommand("INSERT INTO businesses (id, name) VALUES (@id, 'Kill Barbers')"))
        {
            command.Parameters.AddWithValue("id", businessId);
            await command.ExecuteNonQueryAsync();
        }

        // An agent's frontend: one subscription to the business's events.
        var received = new ConcurrentDictionary<string, byte>();
        await client.GetStreamProvider(BusinessStreams.ProviderName)
            .GetStream<BusinessEvent>(BusinessStreams.For(businessId))
            .SubscribeAsync((e, _) =>
            {
                if (e is MessageAdded { Message.ProviderMessageId: { } id })
                {
                    received[id] = 0;
                }

                return Task.CompletedTask;
            });

        var senders = Enumerable.Range(0, Senders)
            .Select(s => new Sender(client, businessId, Enumerable.Range(0, CustomersPerSender).Select(c => $"3461{s:D2}{c:D5}").ToArray()))
            .ToList();

        // Every conversation active somewhere before the kill; the victim is the silo hosting most of them.
        await Task.WhenAll(senders.Select(s => s.SendRoundAsync()));
        var conversations = senders.SelectMany(s => s.Customers)
            .ToDictionary(c => client.GetGrain<IConversationGrain>(ConversationIds.For(businessId, c)).GetGrainId(), c => c);
        var placements = (await cluster.Client.Management.GetDetailedGrainStatistics())
            .Where(p => conversations.ContainsKey(p.GrainId))
            .ToList();
        var victimAddress = placements.GroupBy(p => p.SiloAddress).MaxBy(g => g.Count())!.Key;
        var victim = cluster.SiloAt(victimAddress);
        var moved = placements.Where(p => p.SiloAddress.Equals(victimAddress)).Select(p => conversations[p.GrainId]).ToList();

        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var load = senders.Select(s => s.RunAsync(clock, stop.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));

        var killedAt = clock.Elapsed;
        victim.Kill();
        output.WriteLine($"Killed {victim} at {killedAt.TotalSeconds:0.0} s, host of {moved.Count} of {conversations.Count} conversations.");

        var declaredDead = WhenDeclaredDeadAsync(cluster, victim, clock);

        // Served again: every sender acknowledged messages after its last failure, for two seconds.
        await ReportOnTimeout(senders, clock, Eventually.ReturnsAsync(
            "every sender to be served again for 2 s",
            RecoveryTimeout,
            () => Task.FromResult(clock.Elapsed),
            // Also long enough for the stream's queues to be rebalanced onto the survivors (a few seconds).
            now => now - killedAt > TimeSpan.FromSeconds(8)
                && senders.All(s => s.LastAcknowledgedAt is { } ok
                    && (s.LastFailureAt is not { } failed || (ok > failed && now - failed > TimeSpan.FromSeconds(2))))));
        output.WriteLine($"Declared dead at {(await declaredDead).TotalSeconds:0.0} s.");
        var lastFailure = senders.Max(s => s.LastFailureAt);
        var recovered = (lastFailure ?? killedAt) - killedAt;
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var tail = senders.SelectMany(s => s.AcknowledgedAfter(clock.Elapsed - TimeSpan.FromSeconds(1))).ToList();
        output.WriteLine(
            $"Served again {recovered.TotalSeconds:0.0} s after the kill; {senders.Sum(s => s.Failures)} failed attempts, "
            + $"{senders.Sum(s => s.Acknowledged.Count)} messages acknowledged.");

        var membership = await MembershipTable.ReadAsync(database, cluster.Settings.ClusterId);
        Assert.Equal(MembershipRow.Dead, MembershipTable.StatusOf(membership, victim.SiloPort));

        // Nothing acknowledged is lost, nothing is stored twice, and each customer's numbering has no gap:
        // the n-th message a customer sent is number n, retries included.
        var stored = await StoredAsync(businessId);
        var acknowledged = senders.SelectMany(s => s.Acknowledged).ToDictionary(a => a.Key, a => a.Value);
        Assert.Empty(acknowledged.Keys.Except(stored.Keys));
        Assert.Empty(stored.Keys.Except(acknowledged.Keys));
        Assert.All(acknowledged, a => Assert.Equal(a.Value, stored[a.Key]));

        // The dead silo's conversations live on the survivors now.
        var after = (await cluster.Client.Management.GetDetailedGrainStatistics())
            .Where(p => conversations.ContainsKey(p.GrainId))
            .ToList();
        Assert.DoesNotContain(after, p => p.SiloAddress.Equals(victimAddress));
        foreach (var customer in moved)
        {
            var snapshot = await client.GetGrain<IConversationGrain>(ConversationIds.For(businessId, customer)).GetSnapshotAsync();
            Assert.Equal(acknowledged.Count(a => a.Key.StartsWith($"wamid.{customer}.", StringComparison.Ordinal)), snapshot!.LastSequence);
        }

        // The subscriber still receives events: everything acknowledged in the last second reaches it.
        await Eventually.ReturnsAsync(
            $"the {tail.Count} messages of the last second to reach the subscriber",
            TimeSpan.FromSeconds(15),
            () => Task.FromResult(tail.Count(id => !received.ContainsKey(id))),
            missing => missing == 0);
        output.WriteLine($"Done after {clock.Elapsed.TotalSeconds:0.0} s of load.");
    }

    private async Task<TimeSpan> WhenDeclaredDeadAsync(SiloProcessCluster cluster, SiloProcess victim, Stopwatch clock)
    {
        await Eventually.ReturnsAsync(
            $"{victim} declared Dead", RecoveryTimeout,
            () => MembershipTable.ReadAsync(database, cluster.Settings.ClusterId),
            rows => MembershipTable.StatusOf(rows, victim.SiloPort) == MembershipRow.Dead);
        return clock.Elapsed;
    }

    private static async Task ReportOnTimeout(IReadOnlyList<Sender> senders, Stopwatch clock, Task expectation)
    {
        try
        {
            await expectation;
        }
        catch (TimeoutException timeout)
        {
            var states = senders.Select((s, i) =>
                $"sender {i}: {s.Acknowledged.Count} acknowledged, {s.Failures} failures, last failure {s.LastFailureAt?.TotalSeconds:0.0} s, last ack {s.LastAcknowledgedAt?.TotalSeconds:0.0} s");
            throw new TimeoutException($"{timeout.Message} at {clock.Elapsed.TotalSeconds:0.0} s{Environment.NewLine}{string.Join(Environment.NewLine, states)}", timeout);
        }
    }

    private async Task<Dictionary<string, long>> StoredAsync(Guid businessId)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT provider_message_id, sequence FROM messages WHERE business_id = @business");
        command.Parameters.AddWithValue("business", businessId);
        var stored = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // A duplicate row would throw here: the same id twice.
            stored.Add(reader.GetString(0), reader.GetInt64(1));
        }

        return stored;
    }

    /// <summary>One webhook sender: its customers in turn, each message retried until acknowledged.</summary>
    private sealed class Sender(IGrainFactory grains, Guid businessId, string[] customers)
    {
        private readonly Dictionary<string, int> sent = customers.ToDictionary(c => c, _ => 0);
        private readonly ConcurrentQueue<(TimeSpan At, string Id)> acknowledgedAt = new();

        public string[] Customers => customers;

        /// <summary>Provider message id → the sequence number the customer's order gives it.</summary>
        public ConcurrentDictionary<string, long> Acknowledged { get; } = new();

        public int Failures { get; private set; }

        public TimeSpan? LastFailureAt { get; private set; }

        public TimeSpan? LastAcknowledgedAt { get; private set; }

        public async Task SendRoundAsync(Stopwatch? clock = null, CancellationToken cancellationToken = default)
        {
            foreach (var customer in customers)
            {
                var n = sent[customer] + 1;
                var message = new InboundMessage(businessId, customer, $"Customer {customer[^4..]}", $"wamid.{customer}.{n}",
                    MessageContent.PlainText($"message {n}"), DateTimeOffset.UtcNow, ChannelKeys.ForLocal(businessId));
                while (true)
                {
                    try
                    {
                        // Stored, or Duplicate when an earlier attempt stored it but its answer was lost.
                        await grains.GetGrain<IConversationGrain>(ConversationIds.For(businessId, customer)).ReceiveAsync(message);
                        break;
                    }
                    catch (Exception) when (clock is not null)
                    {
                        Failures++;
                        LastFailureAt = clock.Elapsed;
                        await Task.Delay(100, CancellationToken.None);
                    }
                }

                sent[customer] = n;
                Acknowledged[message.ProviderMessageId] = n;
                if (clock is not null)
                {
                    LastAcknowledgedAt = clock.Elapsed;
                    acknowledgedAt.Enqueue((clock.Elapsed, message.ProviderMessageId));
                }

                await Task.Delay(Pace, CancellationToken.None);
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        public async Task RunAsync(Stopwatch clock, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await SendRoundAsync(clock, cancellationToken);
            }
        }

        public IEnumerable<string> AcknowledgedAfter(TimeSpan at) => acknowledgedAt.Where(a => a.At >= at).Select(a => a.Id);
    }
}
