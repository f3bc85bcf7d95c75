using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Conversations.TestSupport;

/// <summary>
/// A fresh, migrated database on the PostgreSQL server that <c>./conversations test</c> starts (named by
/// <c>CONVERSATIONS_TEST_POSTGRES</c>). Each fixture gets its own, so test classes never see each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string serverConnectionString;

    private TestDatabase(string serverConnectionString, string name, NpgsqlDataSource dataSource)
    {
        this.serverConnectionString = serverConnectionString;
        Name = name;
        DataSource = dataSource;
        ConnectionString = dataSource.ConnectionString;
        Tenants = new TenantDatabase(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Connections as the application's role, scoped by business (row-level security applies).</summary>
    public TenantDatabase Tenants { get; }

    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        var server = Environment.GetEnvironmentVariable("CONVERSATIONS_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                "CONVERSATIONS_TEST_POSTGRES is not set. Run the tests with './conversations test', which starts PostgreSQL.");
        }

        var name = $"test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var database = new TestDatabase(server, name, NpgsqlDataSource.Create(connectionString));
        if (migrate)
        {
            await new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        }

        return database;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters.AddWithValue(parameterName, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Tenants.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(serverConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
