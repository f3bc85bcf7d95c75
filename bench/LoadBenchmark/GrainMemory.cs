using System.Diagnostics.Tracing;
using Conversations.Infrastructure.Hosting;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.LoadBenchmark;

/// <summary>One look at the product's silo: live activations, resident memory, managed memory.</summary>
public sealed record SiloMemory(int Activations, long ResidentBytes, long ManagedBytes, long ManagedBeforeGcBytes)
{
    public override string ToString() =>
        $"{Activations} activations, RSS {ResidentBytes / 1048576.0:0.0} MiB, managed {ManagedBytes / 1048576.0:0.0} MiB "
        + $"({ManagedBeforeGcBytes / 1048576.0:0.0} MiB before the induced GC)";
}

/// <summary>
/// An Orleans client of the product's cluster, for what only the cluster knows: how many grains are active,
/// the silo's managed memory, and forcing idle grains to deactivate.
/// </summary>
public sealed class GrainMemory : IAsyncDisposable
{
    private readonly IHost host;
    private readonly IManagementGrain management;

    private GrainMemory(IHost host)
    {
        this.host = host;
        management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
    }

    public static async Task<GrainMemory> ConnectAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            [$"{ClusterHostingOptions.Section}:ClusterId"] = clusterId,
            [$"{ClusterHostingOptions.Section}:ServiceId"] = clusterId,
        });
        builder.UseOrleansClient(client => client.UseConversationsCluster(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new GrainMemory(host);
    }

    public async Task<SiloMemory> MeasureAsync(ChildProcess silo)
    {
        // Let the last writes and stream deliveries settle, collect the garbage, then let the runtime's
        // statistics (refreshed periodically) see the live heap.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var beforeGc = (await management.GetRuntimeStatistics(null!)).Sum(s => s.EnvironmentStatistics.RawMemoryUsageBytes);
        await InduceFullGcAsync(silo.Id);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var statistics = await management.GetRuntimeStatistics(null!);
        var activations = await management.GetTotalActivationCount();
        return new SiloMemory(activations, silo.ResidentBytes(), statistics.Sum(s => s.EnvironmentStatistics.RawMemoryUsageBytes), beforeGc);
    }

    /// <summary>Deactivates every grain idle for a second or more, as the collector would after its age limit.</summary>
    public async Task DeactivateIdleAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        await management.ForceActivationCollection(TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// A full blocking GC in the silo process, requested the way dotnet-gcdump does: an EventPipe session with
    /// the runtime's GCHeapCollect keyword. Without it, managed memory counts garbage as well.
    /// </summary>
    private static async Task InduceFullGcAsync(int processId)
    {
        const long GcHeapCollectKeyword = 0x800000;
        var client = new DiagnosticsClient(processId);
        using var session = client.StartEventPipeSession(
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword), requestRundown: false);
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await session.StopAsync(CancellationToken.None);
        await drain;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
