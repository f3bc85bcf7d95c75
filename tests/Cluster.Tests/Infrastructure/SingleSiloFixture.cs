using Conversations.TestSupport;

namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>One in-process silo on its own database, shared by a test class whose tests use distinct grain keys.</summary>
public sealed class SingleSiloFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ClusterSettings Cluster { get; private set; } = null!;

    public InProcessSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Cluster = ClusterSettings.ForNewCluster(Database.ConnectionString);
        Silo = await InProcessSilo.StartAsync(Cluster);
    }

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
