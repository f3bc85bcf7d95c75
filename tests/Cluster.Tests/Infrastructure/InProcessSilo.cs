using Conversations.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>
/// A silo hosted in the test process with the product's cluster configuration, so it can run the
/// test-only grains of this assembly against the real PostgreSQL providers.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost host;
    private bool stopped;

    private InProcessSilo(IHost host)
    {
        this.host = host;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static async Task<InProcessSilo> StartAsync(ClusterSettings cluster, Action<ISiloBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = ClusterSettings.ToConfiguration(cluster.Silo(SiloPorts.Free()));
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseConversationsCluster(configuration);
            configure?.Invoke(silo);
        });

        var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await host.StartAsync(timeout.Token);
            return new InProcessSilo(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>A graceful shutdown: the silo leaves the cluster and hands its work over.</summary>
    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            host.Dispose();
        }
    }
}
