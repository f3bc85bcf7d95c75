using Conversations.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>
/// One test's cluster: its database and ids, unique per test so clusters never see each other's silos,
/// grain state or reminders. Produces the same settings as configuration keys for in-process hosts and as
/// environment variables for silo processes.
/// </summary>
/// <param name="Tuning">Further <c>Conversations:Cluster</c> settings (failure detection, timeouts) for every node.</param>
public sealed record ClusterSettings(string ConnectionString, string ClusterId, string ServiceId, IReadOnlyDictionary<string, string>? Tuning = null)
{
    public static ClusterSettings ForNewCluster(string connectionString, IReadOnlyDictionary<string, string>? tuning = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new ClusterSettings(connectionString, $"cluster-{id}", $"service-{id}", tuning);
    }

    /// <summary>What a client of this cluster needs.</summary>
    public Dictionary<string, string> Client()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = ConnectionString,
            [$"{ClusterHostingOptions.Section}:ClusterId"] = ClusterId,
            [$"{ClusterHostingOptions.Section}:ServiceId"] = ServiceId,
        };
        foreach (var (key, value) in Tuning ?? new Dictionary<string, string>())
        {
            settings[$"{ClusterHostingOptions.Section}:{key}"] = value;
        }

        return settings;
    }

    /// <summary>What one silo of this cluster needs, listening on the given loopback ports.</summary>
    public Dictionary<string, string> Silo(SiloPorts ports)
    {
        var settings = Client();
        settings[$"{ClusterHostingOptions.Section}:AdvertisedAddress"] = "127.0.0.1";
        settings[$"{ClusterHostingOptions.Section}:SiloPort"] = ports.Silo.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[$"{ClusterHostingOptions.Section}:GatewayPort"] = ports.Gateway.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    public static IConfiguration ToConfiguration(IReadOnlyDictionary<string, string> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();

    /// <summary>The environment variables a child process reads the same settings from.</summary>
    public static Dictionary<string, string> ToEnvironment(IReadOnlyDictionary<string, string> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
}
