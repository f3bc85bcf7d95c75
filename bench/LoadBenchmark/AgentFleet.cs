using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.LoadBenchmark;

/// <summary>
/// Agents' browsers: A SignalR connections per business to <c>/hubs/conversations</c>. Each
/// <c>MessageAdded</c> is timed against the moment its webhook was meant to be sent.
/// </summary>
public sealed class AgentFleet : IAsyncDisposable
{
    private readonly List<HubConnection> connections = [];
    private readonly ConcurrentDictionary<string, long> intendedSendTimes;

    private AgentFleet(ConcurrentDictionary<string, long> intendedSendTimes)
    {
        this.intendedSendTimes = intendedSendTimes;
    }

    /// <summary>Webhook intended send → <c>MessageAdded</c> at an agent, one sample per agent per message.</summary>
    public Latency EndToEnd { get; } = new();

    /// <summary>
    /// Webhook intended send → the assistant's reply accepted by the channel (delivery <c>sent</c>), once per customer
    /// message answered (a reply answers every customer message before it that was still waiting).
    /// </summary>
    public Latency AssistantReply { get; } = new();

    public long AnsweredMessages => Interlocked.Read(ref answered);

    public int PendingReplies => waitingForReply.Values.Sum(q => q.Count);

    private readonly ConcurrentDictionary<Guid, Queue<(long Sequence, long Intended)>> waitingForReply = new();
    private readonly ConcurrentDictionary<Guid, bool> repliesSeen = new();
    private long answered;

    public long Delivered => Interlocked.Read(ref delivered);

    private long delivered;

    public static async Task<AgentFleet> ConnectAsync(
        IReadOnlyList<Uri> frontends, IReadOnlyList<Tenant> tenants, int agentsPerBusiness, ConcurrentDictionary<string, long> intendedSendTimes)
    {
        var fleet = new AgentFleet(intendedSendTimes);
        foreach (var tenant in tenants)
        {
            for (var a = 0; a < agentsPerBusiness; a++)
            {
                // Agents are spread over the frontends, as browsers behind a load balancer would be.
                var product = frontends[(fleet.connections.Count) % frontends.Count];
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(product, "/hubs/conversations"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(tenant.AccessToken))
                    .Build();
                connection.On<AddedMessage>("MessageAdded", fleet.OnMessageAdded);
                if (a == 0)
                {
                    // One connection per business follows the assistant's replies, so each is timed once.
                    connection.On<AddedMessage>("MessageAdded", fleet.OnCustomerMessage);
                    connection.On<AddedMessage>("MessageUpdated", fleet.OnMessageUpdated);
                }

                await connection.StartAsync();
                fleet.connections.Add(connection);
            }
        }

        return fleet;
    }

    public void Reset()
    {
        EndToEnd.Reset();
        AssistantReply.Reset();
        waitingForReply.Clear();
        Interlocked.Exchange(ref answered, 0);
        Interlocked.Exchange(ref delivered, 0);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private void OnMessageAdded(AddedMessage message)
    {
        var now = Stopwatch.GetTimestamp();
        if (message.ProviderMessageId is { } id && intendedSendTimes.TryGetValue(id, out var intended))
        {
            EndToEnd.RecordSince(intended, now);
            Interlocked.Increment(ref delivered);
        }
    }

    private void OnCustomerMessage(AddedMessage message)
    {
        if (message.Sender == "customer" && message.ProviderMessageId is { } id && intendedSendTimes.TryGetValue(id, out var intended))
        {
            var queue = waitingForReply.GetOrAdd(message.ConversationId, _ => new Queue<(long, long)>());
            lock (queue)
            {
                queue.Enqueue((message.Sequence, intended));
            }
        }
    }

    private void OnMessageUpdated(AddedMessage message)
    {
        var now = Stopwatch.GetTimestamp();
        if (message.Sender != "assistant" || message.Delivery != "sent" || !repliesSeen.TryAdd(message.Id, true)
            || !waitingForReply.TryGetValue(message.ConversationId, out var queue))
        {
            return;
        }

        lock (queue)
        {
            while (queue.TryPeek(out var waiting) && waiting.Sequence < message.Sequence)
            {
                queue.Dequeue();
                AssistantReply.RecordSince(waiting.Intended, now);
                Interlocked.Increment(ref answered);
            }
        }
    }

    /// <summary>The part of the hub's <c>MessageView</c> the benchmark reads.</summary>
    private sealed record AddedMessage(Guid Id, Guid ConversationId, long Sequence, string? ProviderMessageId, string? Sender, string? Delivery);
}
