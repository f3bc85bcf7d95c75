using Conversations.Grains.Automation;
using Conversations.Infrastructure.Automation;
using Conversations.Grains.Businesses;
using Conversations.Infrastructure.Services;
using Conversations.Grains.Assistant;
using Conversations.Grains.Conversations;
using Conversations.Grains.Observability;
using Conversations.Grains.Employees;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Assistant;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Workspace;
using Conversations.Infrastructure.Conversations;
using Conversations.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace Conversations.Grains.Tests;

/// <summary>
/// An in-process cluster of two silos whose conversation grains write the real messages table of a
/// fresh database; grain state and pub-sub are in memory, as grain logic is what these tests prove.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private const string ConnectionStringKey = "ConnectionStrings:Postgres";

    public TestCluster Cluster { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Properties[ConnectionStringKey] = Database.ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Creates a business row, as messages reference their business.</summary>
    public async Task<Guid> NewBusinessAsync()
    {
        var id = Guid.NewGuid();
        await using var command = Database.DataSource.CreateCommand("INSERT INTO businesses (id, name) VALUES (@id, 'Test business')");
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = silo.Configuration[ConnectionStringKey]!;
            silo.AddMemoryGrainStorage("conversations");
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddMemoryStreams(BusinessStreams.ProviderName);
            silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            silo.Services.AddOptions<ConversationStoreOptions>();
            silo.Services.AddSingleton<IConversationStore, PostgresConversationStore>();
            silo.Services.AddSingleton<IEmployeeNotifier, RecordingNotifier>();
            silo.Services.AddSingleton<IAutomationStore, PostgresAutomationStore>();
            silo.Services.AddOptions<AutomationOptions>();
            silo.Services.AddSingleton<IEmployeeSecurityStore, PostgresEmployeeSecurityStore>();
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IAssistantLedger, PostgresAssistantLedger>();
            silo.Services.AddSingleton<IBusinessHours, PostgresBusinessHours>();
            silo.Services.AddMetrics();
            silo.Services.AddSingleton<ConversationsMetrics>();
            silo.Services.AddOptions<AssistantOptions>().Configure(o => o.Enabled = false);
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.AddMemoryStreams(BusinessStreams.ProviderName);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
