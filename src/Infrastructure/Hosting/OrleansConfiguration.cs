using System.Net;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Conversations.Infrastructure.Hosting;

/// <summary>
/// The one place the cluster's providers are chosen: ADO.NET clustering, grain storage and reminders on
/// PostgreSQL, and the business event streams with a durable <c>PubSubStore</c>. Silos and clients of the
/// same cluster must agree on all of it, so both are configured here.
/// </summary>
public static class OrleansConfiguration
{
    public const string Invariant = "Npgsql";

    /// <summary>The grain storage conversation grains persist to.</summary>
    public const string ConversationStorage = "conversations";

    /// <summary>How often a silo's stream pulling agents look for new business events.</summary>
    public static readonly TimeSpan BusinessEventsPollPeriod = TimeSpan.FromMilliseconds(20);

    public static ISiloBuilder UseConversationsCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = DatabaseOptions.ReadConnectionString(configuration);
        var cluster = ValidatedConfiguration.Read<ClusterHostingOptions>(configuration, ClusterHostingOptions.Section);

        silo.AddActivityPropagation();
        if (cluster.KubernetesHosting)
        {
            silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (cluster.SiloPort, cluster.GatewayPort));
            silo.UseKubernetesHosting();
        }
        else
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.ConfigureEndpoints(
                IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, cluster.ListenOnAnyAddress);
        }

        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout ?? o.ProbeTimeout;
            o.NumMissedProbesLimit = cluster.NumMissedProbesLimit ?? o.NumMissedProbesLimit;
            o.DeathVoteExpirationTimeout = cluster.DeathVoteExpirationTimeout ?? o.DeathVoteExpirationTimeout;
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout ?? o.ResponseTimeout);

        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        foreach (var storage in new[] { ConversationStorage, "PubSubStore" })
        {
            silo.AddAdoNetGrainStorage(storage, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
        }

        // An event reaches subscribers when the stream's pulling agent next polls its queue. Orleans polls every
        // 100 ms by default, which was most of the webhook → agent latency (bench/RESULTS.md); an idle poll of an
        // in-memory queue is a local grain call, so polling every 20 ms costs next to nothing.
        silo.AddMemoryStreams(BusinessStreams.ProviderName, streams => streams.ConfigurePullingAgent(agent =>
            agent.Configure(o => o.GetQueueMsgsTimerPeriod = BusinessEventsPollPeriod)));

        // The Orleans dashboard's grains and grain-call profiler run in every silo; the page itself is served by
        // WebFrontend (co-hosted or as a client, which registers its side below) to platform administrators only.
        silo.AddDashboard();
        return silo;
    }

    public static IClientBuilder UseConversationsCluster(this IClientBuilder client, IConfiguration configuration)
    {
        client.AddActivityPropagation();
        var connectionString = DatabaseOptions.ReadConnectionString(configuration);
        var cluster = ValidatedConfiguration.Read<ClusterHostingOptions>(configuration, ClusterHostingOptions.Section);

        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout ?? o.ResponseTimeout);
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        client.AddMemoryStreams(BusinessStreams.ProviderName);
        client.AddDashboard();
        return client;
    }
}
