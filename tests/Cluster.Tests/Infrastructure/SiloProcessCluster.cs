using Conversations.TestSupport;

namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>
/// Several silo processes of one new cluster on a test database, started together, plus a client
/// connected once every silo is Active in the membership table.
/// </summary>
public sealed class SiloProcessCluster : IAsyncDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);

    private ClusterClientHost? client;

    private SiloProcessCluster(ClusterSettings settings, IReadOnlyList<SiloProcess> silos)
    {
        Settings = settings;
        Silos = silos;
    }

    public ClusterSettings Settings { get; }

    public IReadOnlyList<SiloProcess> Silos { get; }

    public ClusterClientHost Client => client ?? throw new InvalidOperationException("The cluster has not started.");

    public static async Task<SiloProcessCluster> StartAsync(
        TestDatabase database, int siloCount, IReadOnlyDictionary<string, string>? tuning = null)
    {
        var settings = ClusterSettings.ForNewCluster(database.ConnectionString, tuning);
        var silos = new List<SiloProcess>();
        var cluster = new SiloProcessCluster(settings, silos);
        try
        {
            for (var i = 0; i < siloCount; i++)
            {
                silos.Add(SiloProcess.Start($"silo-{(char)('a' + i)}", settings));
            }

            await cluster.WithSiloLogsOnTimeout(Eventually.ReturnsAsync(
                $"{siloCount} silos Active in orleans_membership",
                JoinTimeout,
                async () =>
                {
                    if (silos.FirstOrDefault(s => s.HasExited) is { } exited)
                    {
                        throw new InvalidOperationException($"{exited} exited while starting:{Environment.NewLine}{exited.RecentOutput}");
                    }

                    return await MembershipTable.ReadAsync(database, settings.ClusterId);
                },
                rows => silos.All(s => MembershipTable.StatusOf(rows, s.SiloPort) == MembershipRow.Active)));

            cluster.client = await ClusterClientHost.StartAsync(settings);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Awaits something the silos must bring about; when it times out, adds what they logged (warnings
    /// and errors) to the failure.
    /// </summary>
    public async Task<T> WithSiloLogsOnTimeout<T>(Task<T> expectation)
    {
        try
        {
            return await expectation;
        }
        catch (TimeoutException timeout)
        {
            var logs = Silos.Select(s => $"--- {s}{Environment.NewLine}{s.RecentOutput}");
            throw new TimeoutException($"{timeout.Message}{Environment.NewLine}{string.Join(Environment.NewLine, logs)}", timeout);
        }
    }

    public SiloProcess SiloAt(SiloAddress address) =>
        Silos.Single(s => s.SiloPort == address.Endpoint.Port);

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }
    }
}
