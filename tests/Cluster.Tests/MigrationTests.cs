using Conversations.Infrastructure.Database;
using Conversations.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Conversations.Cluster.Tests;

/// <summary>Every silo and frontend migrates on start-up, so several do it at once against one database.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Nodes_migrating_at_once_apply_each_migration_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var nodes = Enumerable.Range(0, 5).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var migrators = nodes.Select(node => new DatabaseMigrator(node, NullLogger<DatabaseMigrator>.Instance)).ToList();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var migrations = migrators.Select(async migrator =>
            {
                await start.Task;
                await migrator.MigrateAsync(CancellationToken.None);
            }).ToList();

            start.SetResult();
            await Task.WhenAll(migrations);

            Assert.All(migrators, migrator => Assert.True(migrator.IsComplete));
            var applied = await AppliedAsync(database);
            Assert.Equal(
                DatabaseMigrator.Migrations.Select(m => (m.Version, m.Checksum)),
                applied);
            Assert.Equal(1L, await database.ScalarAsync<long>(
                "SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'"));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Migration_edited_after_it_was_applied_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edited = DatabaseMigrator.Migrations[0];
        await database.ScalarAsync<long>(
            "WITH changed AS (UPDATE schema_migrations SET checksum = 'before-the-edit' WHERE version = @version RETURNING 1) SELECT count(*) FROM changed",
            ("version", edited.Version));

        var migrator = new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains(edited.Name, error.Message);
        Assert.Contains("edited after it was applied", error.Message);
        Assert.False(migrator.IsComplete);

        // The refusal must not leave the migration lock held: another node, on its own connection,
        // migrates the repaired database at once.
        await database.ScalarAsync<long>(
            "WITH changed AS (UPDATE schema_migrations SET checksum = @checksum WHERE version = @version RETURNING 1) SELECT count(*) FROM changed",
            ("checksum", edited.Checksum), ("version", edited.Version));
        await using var otherNode = NpgsqlDataSource.Create(database.ConnectionString);
        var repaired = new DatabaseMigrator(otherNode, NullLogger<DatabaseMigrator>.Instance);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await repaired.MigrateAsync(timeout.Token);
        Assert.True(repaired.IsComplete);
    }

    private static async Task<List<(int Version, string Checksum)>> AppliedAsync(TestDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT version, checksum FROM schema_migrations ORDER BY version");
        var applied = new List<(int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            applied.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return applied;
    }
}
