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

    public long Delivered => Interlocked.Read(ref delivered);

    private long delivered;

    public static async Task<AgentFleet> ConnectAsync(
        Uri product, IReadOnlyList<Tenant> tenants, int agentsPerBusiness, ConcurrentDictionary<string, long> intendedSendTimes)
    {
        var fleet = new AgentFleet(intendedSendTimes);
        foreach (var tenant in tenants)
        {
            for (var a = 0; a < agentsPerBusiness; a++)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(product, "/hubs/conversations"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(tenant.AccessToken))
                    .Build();
                connection.On<AddedMessage>("MessageAdded", fleet.OnMessageAdded);
                await connection.StartAsync();
                fleet.connections.Add(connection);
            }
        }

        return fleet;
    }

    public void Reset()
    {
        EndToEnd.Reset();
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

    /// <summary>The part of the hub's <c>MessageView</c> the benchmark reads.</summary>
    private sealed record AddedMessage(Guid ConversationId, long Sequence, string? ProviderMessageId);
}
