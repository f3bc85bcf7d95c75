using Conversations.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>An Orleans client configured like the web frontend's, finding gateways in PostgreSQL.</summary>
public sealed class ClusterClientHost : IAsyncDisposable
{
    private readonly IHost host;

    private ClusterClientHost(IHost host)
    {
        this.host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    public IManagementGrain Management => Client.GetGrain<IManagementGrain>(0);

    public static async Task<ClusterClientHost> StartAsync(ClusterSettings cluster)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = ClusterSettings.ToConfiguration(cluster.Client());
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseConversationsCluster(configuration));

        var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StartAsync(timeout.Token);
            return new ClusterClientHost(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A client whose gateways were killed may not say goodbye in time; it is disposed anyway.
        }
        finally
        {
            host.Dispose();
        }
    }
}
